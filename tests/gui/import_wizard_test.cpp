// Customers > Import customers... in the real application (issue 7 item 8): the wizard opened on a
// fixture at each of its pages (TILLER_IMPORT_WIZARD_FILE / _PAGE), in English and Chinese, with
// a screenshot of each page in build/screenshots/.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tiller::test;
using nlohmann::json;

namespace {

std::string fixture(const std::string& name) { return (std::filesystem::path(TILLER_FIXTURES) / "contacts" / name).string(); }

// Every text of the wizard (labels, buttons, choices, list rows) flattened to strings.
std::vector<std::string> texts(const GuiRun& run) {
    std::vector<std::string> all;
    std::function<void(const json&)> walk = [&](const json& j) {
        if (j.is_string()) all.push_back(j.get<std::string>());
        if (j.is_array() || j.is_object())
            for (const auto& item : j) walk(item);
    };
    for (const auto& dialog : run.ui["dialogs"]) walk(dialog["texts"]);
    return all;
}

bool has(const GuiRun& run, const std::string& text) {
    auto all = texts(run);
    return std::find(all.begin(), all.end(), text) != all.end();
}

bool hasRow(const GuiRun& run, const std::vector<std::string>& cells) {
    for (const auto& dialog : run.ui["dialogs"])
        for (const auto& t : dialog["texts"])
            if (t.is_array() && t.size() >= cells.size() && std::equal(cells.begin(), cells.end(), t.begin())) return true;
    return false;
}

GuiRun page(const Gui& gui, int number, const std::string& lang) {
    auto run = gui.run("import-wizard-" + std::to_string(number) + "-" + lang, {"--lang", lang, "--open", "contacts.import_customers"},
                       {{"TILLER_IMPORT_WIZARD_FILE", fixture("wizard.csv")},
                        {"TILLER_IMPORT_WIZARD_PAGE", std::to_string(number)}});
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    REQUIRE(run.ui["dialogs"].size() >= 1);
    return run;
}

}  // namespace

TEST_CASE("the import wizard shows the file, the columns, the check and the result", "[gui][contacts][import]") {
    TempDir home;
    Gui gui(home);
    auto file = page(gui, 1, "en");
    CHECK(file.ui["dialogs"][0]["title"] == "Import customers");
    CHECK(menuItems(file.ui, "Customers").size() >= 2);
    auto customers = menuItems(file.ui, "Customers");
    CHECK(std::count(customers.begin(), customers.end(), "Import customers...") == 1);
    CHECK(std::count(customers.begin(), customers.end(), "Export customers...") == 1);
    CHECK(has(file, "Read as CSV, UTF-8: 8 columns. The next page shows the first rows."));
    CHECK(has(file, "Find out from the file"));

    auto columns = page(gui, 2, "en");
    CHECK(has(columns, "7 of 8 columns recognised from their headers; change any that is wrong."));
    CHECK(hasRow(columns, {"北京华信科技有限公司", "王伟", "男", "138-0013-8000"}));
    CHECK(has(columns, "Customer: Customer name"));
    CHECK(has(columns, "Contact: Gender"));
    CHECK(has(columns, "Address: Address"));
    CHECK(has(columns, "not recognised: choose where it goes, or leave it out"));
    CHECK(has(columns, "(leave out)"));

    auto check = page(gui, 3, "en");
    CHECK(has(check, "3 of 5 rows can be imported (3 contacts, 3 addresses); nothing has been changed yet.\n"
                     "2 rows rejected, 1 of them duplicates of existing customers or earlier rows.\n"
                     "1 phone numbers are not valid and are kept as typed."));
    CHECK(hasRow(check, {"4", "邮箱", "'chen@hongyun' is not an e-mail address"}));
    CHECK(hasRow(check, {"6", "", "repeats line 2: the same name (北京华信科技)"}));
    CHECK(hasRow(check, {"5", "手机", "'1360013600' is not a valid number (not a valid number in CN); imported as typed"}));
    CHECK(has(check, "Import"));
    CHECK(gui.cli().run({"export", "customers", "-o", (home / "none.csv").string(), "--json"}).json()["customers"] == 0);

    auto done = page(gui, 4, "en");
    CHECK(has(done, "3 of 5 rows were imported as customers (3 contacts, 3 addresses).\n"
                    "2 rows rejected, 1 of them duplicates of existing customers or earlier rows.\n"
                    "1 phone numbers are not valid and are kept as typed."));
    CHECK(has(done, "Save the rejected rows..."));
    CHECK(has(done, "Finish"));
    CHECK(gui.cli().run({"export", "customers", "-o", (home / "all.csv").string(), "--json"}).json()["customers"] == 3);
}

TEST_CASE("the import wizard speaks Chinese", "[gui][contacts][import]") {
    TempDir home;
    Gui gui(home);
    auto file = page(gui, 1, "zh_CN");
    CHECK(file.ui["dialogs"][0]["title"] == "导入客户");
    CHECK(has(file, "按 CSV、UTF-8 读取：8 列。下一页显示前几行。"));
    CHECK(has(file, "根据文件自动识别"));
    auto columns = page(gui, 2, "zh_CN");
    CHECK(has(columns, "根据列名识别了 8 列中的 7 列；如有不对请修改。"));
    CHECK(has(columns, "客户: 客户名称"));
    CHECK(has(columns, "联系人: 性别"));
    auto check = page(gui, 3, "zh_CN");
    CHECK(hasRow(check, {"6", "", "与第 2 行重复：名称相同（北京华信科技）"}));
    CHECK(has(check, "导入"));
    auto done = page(gui, 4, "zh_CN");
    CHECK(has(done, "保存被拒绝的行..."));
    CHECK(has(done, "完成"));
}

TEST_CASE("Customers > Export customers... writes the customers and says so", "[gui][contacts][export]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"import", "customers", fixture("customers.csv"), "--category", "normal"}).exitCode == 0);
    auto file = home / "customers.xlsx";
    auto run = gui.run("export-customers-zh_CN", {"--lang", "zh_CN", "--open", "contacts.export_customers"},
                       {{"TILLER_EXPORT_CUSTOMERS_FILE", file.string()}});
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(std::filesystem::exists(file));
    CHECK(run.ui["status"][0] == "已导出 3 个客户到 " + file.string());
    // The workbook imports back.
    TempDir other;
    Gui second(other);
    CHECK(second.cli().run({"import", "customers", file.string()}).exitCode == 0);
}
