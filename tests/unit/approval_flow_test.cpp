#include <tiller/approval/flow.hpp>
#include <tiller/errors.hpp>

#include <catch2/catch.hpp>

using namespace tiller::approval;

namespace {
std::filesystem::path flowFile(const std::string& name) { return std::filesystem::path(TILLER_FIXTURES) / "flows" / name; }
}  // namespace

TEST_CASE("an approval flow is read from YAML with its steps and conditions", "[approval]") {
    auto f = readFlow(flowFile("valid.yaml"));
    CHECK(f.id == "shop.discount_approval");
    CHECK(f.entity == "shop.order");
    CHECK(f.lockRecord);
    REQUIRE(f.steps.size() == 2);
    CHECK(f.steps[0].approver == Step::Approver::departmentHead);
    CHECK(f.steps[1].approver == Step::Approver::role);
    CHECK(f.steps[1].who == "administrator");
    CHECK(f.onApprove == "effective");
    CHECK(f.onReject == "return");
    CHECK(f.steps[1].appliesTo({{"discount", "25"}, {"currency", "CNY"}}));
    CHECK_FALSE(f.steps[1].appliesTo({{"discount", "20"}, {"currency", "CNY"}}));
    CHECK_FALSE(f.steps[1].appliesTo({{"discount", "25"}, {"currency", "USD"}}));
    CHECK(f.steps[0].appliesTo({}));
}

TEST_CASE("each malformed flow is refused naming the file, line and key", "[approval]") {
    struct Case {
        const char* file;
        int line;
        const char* key;
        const char* says;
    };
    for (const auto& c : {Case{"bad_approver.yaml", 5, "approver", "'boss' is not role"},
                          Case{"bad_condition.yaml", 6, "when", "'amount >> 5' is not a condition"},
                          Case{"no_steps.yaml", 3, "steps", "at least one step"},
                          Case{"missing_entity.yaml", 0, "entity", "is missing"},
                          Case{"bad_on_reject.yaml", 6, "on_reject", "rejected, return or abnormal"},
                          Case{"unknown_key.yaml", 6, "escalate", "not a flow key"}}) {
        INFO(c.file);
        try {
            readFlow(flowFile(c.file));
            FAIL("accepted");
        } catch (const tiller::ConfigError& e) {
            CHECK(e.line() == c.line);
            CHECK(e.key() == c.key);
            CHECK_THAT(e.what(), Catch::Contains(c.says) && Catch::Contains(c.file));
        }
    }
}

TEST_CASE("an approval flow written back as YAML reads the same", "[approval][flow]") {
    auto f = readFlow(flowFile("valid.yaml"));
    f.name = "特价审批: 总经理";  // a colon and Chinese survive
    f.fields = {{"discount", FlowField::Kind::number}, {"currency", FlowField::Kind::text}};
    f.steps.push_back({"Owner", Step::Approver::owner, "", {{"currency", "!=", "人民币"}}});
    f.steps.push_back({"Cashier", Step::Approver::user, "zhang", {}});
    auto yaml = toYaml(f);
    INFO(yaml);
    auto back = parseFlow(yaml, "written.yaml");
    CHECK(toYaml(back) == yaml);
    CHECK(back.name == f.name);
    REQUIRE(back.fields.size() == 2);
    CHECK(back.fields[0].kind == FlowField::Kind::number);
    REQUIRE(back.steps.size() == 4);
    CHECK(conditionText(back.steps[1].when) == "discount > 20 and currency = 'CNY'");
    CHECK(back.steps[2].approver == Step::Approver::owner);
    CHECK(back.steps[2].when[0].value == "人民币");
    CHECK(back.steps[3].who == "zhang");
    CHECK(back.onReject == "return");
}

TEST_CASE("an approval flow's conditions must name its declared fields with values that fit", "[approval][flow]") {
    const std::string head = "id: x\nentity: y\nfields: {amount: number, kind: text}\nsteps:\n  - name: A\n    approver: {role: sales}\n";
    struct Case {
        std::string text;
        int line;
        const char* key;
        const char* says;
    };
    for (const auto& c : {Case{head + "    when: total > 5\n", 7, "when", "'total' is not a field of this flow (amount, kind)"},
                          Case{head + "    when: amount > 'big'\n", 7, "when", "'big' is not a number, and 'amount' is a number"},
                          Case{"id: x\nentity: y\nfields: {amount: money}\nsteps: []\n", 3, "fields", "'money' must be number or text"},
                          Case{head + "    approve: yes\n", 7, "approve", "is not a step key"},
                          Case{"id: x\nentity: y\nsteps:\n  - name: A\n    approver: {role: ''}\n", 5, "approver", "choose the role"}}) {
        INFO(c.text);
        try {
            parseFlow(c.text, "typed.yaml");
            FAIL("accepted");
        } catch (const tiller::ConfigError& e) {
            CHECK(e.line() == c.line);
            CHECK(e.key() == c.key);
            CHECK_THAT(e.what(), Catch::Contains(c.says) && Catch::Contains("typed.yaml"));
        }
    }
}
