// tiller-cli calendar: working hours, holidays and worked weekend days (SPEC §1.5).
#include "../cli_context.hpp"

#include <tiller/calendar/working_calendar.hpp>
#include <tiller/errors.hpp>

#include <regex>

namespace tiller::cli {
namespace {

using namespace calendar;

nlohmann::json describe(const WorkingCalendar& c) {
    static const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    nlohmann::json week = nlohmann::json::object();
    for (int d = 0; d < 7; ++d) week[days[d]] = formatHours(c.week[d]);
    return {{"utc_offset_minutes", c.utcOffsetMinutes}, {"week", week}, {"holidays", c.holidays},
            {"worked_weekend_days", c.workedWeekendDays}};
}

// "2026-11-30T17:00" in the calendar's local time -> UTC ms
long long parseLocal(const std::string& text, const WorkingCalendar& c) {
    static const std::regex form(R"((\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2}))");
    std::smatch m;
    if (!std::regex_match(text, m, form)) throw ValidationError("time", "'" + text + "' is not a time like 2026-11-30T17:00");
    long long local = dayFromDate(m[1]) * 1440 + std::stoi(m[2]) * 60 + std::stoi(m[3]);
    return (local - c.utcOffsetMinutes) * 60'000;
}

std::string formatLocal(long long utcMs, const WorkingCalendar& c) {
    long long local = utcMs / 60'000 + c.utcOffsetMinutes;
    char text[8];
    std::snprintf(text, sizeof text, "%02lld:%02lld", (local % 1440) / 60, local % 60);
    return dateFromDay(local / 1440) + "T" + text;
}

}  // namespace

void addCalendarCommands(CLI::App& app, CliContext& context) {
    static std::string day, hours, date, time;
    static double addHours = 0;
    auto* cal = app.add_subcommand("calendar", "The working calendar: hours, holidays, worked weekend days");
    cal->require_subcommand(1);

    auto* show = cal->add_subcommand("show", "Show the working calendar");
    context.addJsonFlag(*show);
    show->callback([&context] {
        auto& runtime = context.signedInRuntime();
        auto c = load(runtime.database());
        context.answer(describe(c), describe(c).dump(2));
    });

    auto* setHours = cal->add_subcommand("hours", "Set a weekday's working hours, e.g. mon 09:00-12:00,13:00-18:00");
    setHours->add_option("DAY", day, "mon, tue, wed, thu, fri, sat or sun")->required();
    setHours->add_option("HOURS", hours, "Ranges like 09:00-12:00,13:00-18:00, or off")->required();
    setHours->callback([&context] {
        context.require("core.settings");
        auto& runtime = context.signedInRuntime();
        auto weekday = parseWeekday(day);
        if (!weekday) throw ValidationError("day", "'" + day + "' is not mon, tue, wed, thu, fri, sat or sun");
        auto c = load(runtime.database());
        c.week[static_cast<std::size_t>(*weekday)] = parseHours(hours);
        save(runtime.database(), c);
        context.answer(describe(c), day + " " + formatHours(c.week[static_cast<std::size_t>(*weekday)]));
    });

    for (auto [name, help, worked] : {std::tuple{"holiday", "A holiday (no work that day)", false},
                                      std::tuple{"workday", "A weekend day worked (调休), with Monday's hours", true}}) {
        auto* kind = cal->add_subcommand(name, help);
        kind->require_subcommand(1);
        for (bool adding : {true, false}) {
            auto* change = kind->add_subcommand(adding ? "add" : "remove", adding ? "Add a date" : "Remove a date");
            change->add_option("DATE", date, "Like 2026-10-01")->required();
            change->callback([&context, adding, worked = worked] {
                context.require("core.settings");
                auto& runtime = context.signedInRuntime();
                dayFromDate(date);  // a real date
                auto c = load(runtime.database());
                auto& set = worked ? c.workedWeekendDays : c.holidays;
                if (adding) set.insert(date); else set.erase(date);
                save(runtime.database(), c);
                context.answer(describe(c), std::string(adding ? "added " : "removed ") + date);
            });
        }
    }

    auto* add = cal->add_subcommand("add", "The time that comes HOURS working hours after TIME (an SLA deadline)");
    add->add_option("TIME", time, "Local time like 2026-11-30T17:00")->required();
    add->add_option("HOURS", addHours, "Working hours to add")->required()->check(CLI::Range(0.0, 100000.0));
    context.addJsonFlag(*add);
    add->callback([&context] {
        auto& runtime = context.signedInRuntime();
        auto c = load(runtime.database());
        long long due = c.addWorkingMinutes(parseLocal(time, c), static_cast<long long>(addHours * 60 + 0.5));
        context.answer({{"due", formatLocal(due, c)}, {"due_utc_ms", due}}, formatLocal(due, c));
    });
}

}  // namespace tiller::cli
