// Form benchmark: building a declared form of 40 fields (20 declared, 20 custom) for a saved
// record, as the record dialog does, until it is laid out. Median and 95th percentile of
// several runs. Needs a display: run it under xvfb-run.
//
//   xvfb-run -a bench_form [--runs N]
#include <tiller/record/custom_fields.hpp>
#include <tiller/startup.hpp>
#include <tiller/ui/record_form.hpp>

#include <wx/app.h>
#include <wx/frame.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace tiller;

namespace {

const char* kTypes[] = {"text", "long_text", "integer", "money", "date", "datetime", "boolean", "phone", "email", "url"};

std::string entityYaml() {
    std::string yaml = "id: bench.thing\ntable: bench_thing\ncustom_fields: true\nfields:\n";
    for (int i = 0; i < 20; ++i)
        yaml += "  - {name: f" + std::to_string(i) + ", type: " + kTypes[i % 10] + ", label: Field " + std::to_string(i) +
                (i == 0 ? ", required: true" : "") + "}\n";
    return yaml;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = argc > 2 && std::string(argv[1]) == "--runs" ? std::stoi(argv[2]) : 30;
    wxApp::SetInstance(new wxApp);
    int wxArgc = 1;  // our own options are not wx's
    if (!wxEntryStart(wxArgc, argv) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "bench_form: no display (run it under xvfb-run)\n");
        return 1;
    }
    auto folder = std::filesystem::temp_directory_path() / ("tiller-bench-form-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    auto url = db::DatabaseUrl::parse("sqlite:" + (folder / "bench.db").string());
    auto database = startup::openAndMigrate(url).database;
    plugin::Registry registry;
    plugin::Host host(database, registry);
    SystemClock clock;
    registry.setOwner("bench");
    registry.add(record::parseEntity(entityYaml(), "bench.yaml", "tiller-bench"));
    std::string create = "CREATE TABLE bench_thing (id INTEGER PRIMARY KEY, created_at BIGINT NOT NULL, "
                         "updated_at BIGINT NOT NULL, version INTEGER NOT NULL DEFAULT 1";
    for (int i = 0; i < 20; ++i) create += ", f" + std::to_string(i) + (i % 10 == 2 || i % 10 == 3 || i % 10 == 5 || i % 10 == 6 ? " BIGINT" : " TEXT");
    database->withSession([&](soci::session& s) { s << create + ")"; });
    record::CustomFields custom(host, clock);
    for (int i = 0; i < 20; ++i) {
        record::CustomFieldDraft d;
        d.name = "extra" + std::to_string(i);
        d.type = *record::typeFromName(kTypes[i % 10]);
        d.labels = {{"en", "Extra " + std::to_string(i)}, {"zh_CN", "扩展" + std::to_string(i)}};
        d.group = i < 10 ? "More" : "Even more";
        custom.add("bench.thing", d);
    }
    record::Store store(host, clock);
    long long id = store.create("bench.thing", {{"f0", "Shop"}, {"f3", "12.50"}, {"cf_extra0", "x"}});
    record::Record saved = store.read("bench.thing", id);
    record::Form form = record::defaultForm(store.entity("bench.thing"));

    auto* frame = new wxFrame(nullptr, wxID_ANY, "bench", wxDefaultPosition, wxSize(700, 900));
    frame->Show();
    std::vector<double> ms;
    for (int run = 0; run < runs; ++run) {
        auto start = std::chrono::steady_clock::now();
        auto* view = new ui::RecordForm(frame, store, form, saved);
        frame->Layout();
        view->Update();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        view->Destroy();
        wxTheApp ? wxTheApp->ProcessPendingEvents() : void();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("form fields: %zu (20 declared, 20 custom)\n", store.entity("bench.thing").fields.size());
    std::printf("form_open_ms median: %.1f\n", ms[ms.size() / 2]);
    std::printf("form_open_ms p95:    %.1f\n", ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]);
    frame->Destroy();
    std::filesystem::remove_all(folder);
    wxEntryCleanup();
    return 0;
}
