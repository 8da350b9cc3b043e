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
