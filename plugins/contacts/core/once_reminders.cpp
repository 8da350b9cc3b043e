#include "once_reminders.hpp"
#include "value_text.hpp"

#include <tiller/errors.hpp>
#include <tiller/log/log.hpp>
#include <tiller/settings_store.hpp>

#include <algorithm>

namespace contacts {

int leadDaysSetting(tiller::plugin::Host& host, const char* key, int fallback) {
    auto text = tiller::SettingsStore(host.database(), "contacts").get(key, std::to_string(fallback));
    try {
        return std::clamp(std::stoi(text), 0, kMaxLeadDays);
    } catch (const std::exception&) {
        return fallback;
    }
}

void setLeadDaysSetting(tiller::plugin::Host& host, const char* key, int days, const char* outOfRange) {
    host.require("contacts.configure");
    if (days < 0 || days > kMaxLeadDays)
        throw tiller::ValidationError("lead_days", value_text::fill(value_text::tr(outOfRange), {std::to_string(kMaxLeadDays)}));
    tiller::SettingsStore(host.database(), "contacts").set(key, std::to_string(days));
}

bool remindOnce(tiller::db::Database& database, const OnceReminder& once, long long now) {
    try {
        return database.inTransaction([&](soci::session& s) {
            soci::statement mark = (s.prepare << once.markSql, soci::use(once.key), soci::use(once.value));
            mark.execute(true);
            if (mark.get_affected_rows() != 1) return false;  // reminded already (here or on another PC)
            long long id = tiller::messages::Reminders::addIn(s, once.reminder, std::nullopt, now);
            s << once.linkSql, soci::use(id), soci::use(once.key), soci::use(once.value);
            return true;
        });
    } catch (const tiller::ValidationError& e) {
        tiller::log::warning(once.reminder.entity + " " + std::to_string(once.reminder.recordId) + ": reminder not made: " + e.what());
        return false;
    }
}

}  // namespace contacts
