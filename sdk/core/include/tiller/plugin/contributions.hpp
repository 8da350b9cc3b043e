// What a plugin can add to Tiller. Each contribution has a stable id ("<plugin>.<name>") so
// other plugins can refer to it, and an owner (filled in by the Registry) so the shell can
// say which plugin failed. Parts that need widgets (custom panels, record tabs, settings
// pages) are declared here and their widgets are made by factories registered with tiller_ui.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/i18n/text.hpp>
#include <tiller/jobs/progress.hpp>
#include <tiller/migrations/migration.hpp>
#include <tiller/plugin/list_source.hpp>
#include <tiller/telephony/caller.hpp>

#include <functional>
#include <optional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace tiller::plugin {

class Host;

struct Command {
    std::string id;  // "hello.greet"
    i18n::Text label;
    // Menu the command appears in: "File", "Edit", "View", "Tools", "Help", or a new top-level
    // menu by name; "Tools/Import" for a submenu. "" = no menu (toolbar or shortcut only).
    std::string menu;
    std::string accelerator;  // "Ctrl+Shift+H"
    // A stock icon: new, open, save, delete, find, refresh, print, help, info, home, go-back,
    // go-forward, add, remove, copy, cut, paste, undo, redo, quit, settings.
    std::string icon;
    bool toolbar = false;
    std::string permission;  // "" = everyone may run it
    int order = 100;         // position within its menu
    std::function<void(Host&)> run;
    std::string owner;
};

struct NavigationView {
    std::string id;     // "hello.greetings"
    i18n::Text label;
    i18n::Text group;   // heading in the navigation pane
    std::string icon;
    std::string permission;
    int order = 100;
    // A list view the shell renders; leave empty when a custom panel is registered with
    // tiller_ui under the same id.
    std::function<std::shared_ptr<ListSource>(Host&)> list;
    // Or a list declared in YAML (tiller/record/list.hpp), by its id: the shell renders it with
    // search, filters, saved queries, export and print.
    std::string recordList;
    std::string owner;
};

// A place on one plugin's record view where others add tabs (the customer 360° view).
struct RecordPanelSlot {
    std::string id;  // "contacts.customer"
    i18n::Text label;
    std::string owner;
};

// A tab in another plugin's record view; its widget factory is registered with tiller_ui.
struct RecordPanel {
    std::string id;    // "tickets.customer_tickets"
    std::string slot;  // "contacts.customer"
    i18n::Text label;
    int order = 100;
    std::string permission;
    std::string owner;
};

struct SettingsPage {
    std::string id;
    i18n::Text label;
    int order = 100;
    std::string permission;
    std::string owner;
};

struct Permission {
    std::string key;  // "hello.greet"
    i18n::Text label;
    std::string owner;
    // Built-in roles (sales, service, warehouse, finance) that get it when it first appears;
    // the administrator role has every permission anyway.
    std::vector<std::string> grantTo;
};

// A table whose rows belong to a person: its `ownerColumn` holds a core_user id, and the data
// scope of `entity` (own / department / all) decides who sees which rows.
struct OwnedTable {
    std::string table;            // "hello_greeting"
    std::string entity;           // "hello.greeting", the key of role scopes
    std::string ownerColumn = "owner_id";
    i18n::Text label;             // "Greetings", in the role editor
    std::string owner;
    // Rows without an owner are in a public pool (公海池, SPEC §2.7) that everyone who may see
    // the entity sees, whatever their data scope, so that they can claim them.
    bool unownedVisible = false;
};

// A value a dictionary kind ships with: it can be renamed but never deleted.
struct SystemValue {
    std::string code;  // stable, e.g. "complaint"
    i18n::Text name;   // English, translated by the plugin's catalog or given per language
    std::string parentCode;
};

// A named picklist users maintain (customer category, source, region ...).
struct DictionaryKind {
    std::string id;
    i18n::Text label;
    bool hierarchical = false;
    std::string owner;
    std::vector<SystemValue> systemValues;
};

// Where a dictionary kind's values are used: `column` of `table` holds value ids. A value in
// use cannot be deleted, and the refusal says how many records use it.
struct DictionaryUse {
    std::string id;  // "contacts.customer_category"
    std::string kind;
    std::string table;
    std::string column;
    std::string owner;
};

// Code a plugin runs inside record::Store's transaction when a record of `entity` (any
// plugin's) is written or deleted: keeping an index in step (contacts' phone and search
// indexes), refusing a delete the plugin's own rows forbid ("this customer has 3 tickets",
// SPEC §2.11), removing the plugin's rows tied to the record. An exception thrown by a hook
// rolls the whole save or delete back, so the record and what hangs off it never disagree.
struct RecordHook {
    std::string id;      // "contacts.customer_indexes"
    std::string entity;  // "contacts.customer"
    // After the insert or update, in the same transaction. `created` is true for an insert.
    std::function<void(Host&, soci::session&, long long id, bool created)> afterWrite;
    // Before a delete, in the transaction: a sentence saying why the record may not go
    // ("it has 3 tickets"), or nothing to allow it. Every hook is asked; all reasons are shown.
    std::function<std::optional<std::string>(Host&, soci::session&, long long id)> refuseDelete;
    // When the delete goes ahead, before the record's row is removed: delete or detach the
    // plugin's rows that point at it.
    std::function<void(Host&, soci::session&, long long id)> beforeDelete;
    std::string owner;
};

// Code a plugin runs when two records of `entity` are merged into one (duplicate customers,
// SPEC §2.10): it moves the plugin's rows that point at `fromId` over to `toId` (orders,
// tickets, calls ...), inside the merge's transaction, before `fromId` is deleted. It returns
// how many of its records it moved, for the merge's audit entry. An exception rolls the whole
// merge back, so nothing ever points at the record that went away.
struct MergeHook {
    std::string id;      // "tickets.customer_merge"
    std::string entity;  // "contacts.customer"
    i18n::Text label;    // what it moves, as people read it: "Tickets"
    std::function<long long(Host&, soci::session&, long long fromId, long long toId)> move;
    std::string owner;
};

struct SearchHit {
    std::string title;
    std::string detail;
    std::string viewId;  // what to open
    long long recordId = 0;
    double score = 0;    // higher first
};

struct SearchProvider {
    std::string id;
    i18n::Text label;
    std::function<std::vector<SearchHit>(Host&, const std::string& query, int limit)> search;
    std::string owner;
};

// A tiller-cli sub-command. Options are --name VALUE (or flags); the handler writes its
// answer to `out` and returns the exit status.
struct CliOption {
    std::string name;  // without dashes
    std::string help;
    bool flag = false;
    bool required = false;
    bool repeated = false;  // may be given several times (CliInvocation::lists)
    std::string shortName{};  // one letter, "o" for -o as well as --name
};
struct CliInvocation {
    std::map<std::string, std::string> values;  // option -> value ("1" for a given flag)
    std::map<std::string, std::vector<std::string>> lists;  // repeated option -> every value
    std::vector<std::string> arguments;          // positional
    bool json = false;
    // Long jobs poll it (tiller-cli draws a bar on a terminal); never null while run() runs.
    jobs::Progress* progress = nullptr;
};
struct CliCommand {
    // "hello-greet"; "customers merge" (words split by a space) makes a sub-command of a
    // group that several plugins may share: tiller-cli customers merge ...
    std::string name;
    std::string summary;
    std::vector<CliOption> options;
    std::string argumentsName;  // e.g. "NAME..." ; "" = no positional arguments
    std::string permission;     // "" = everyone signed in
    std::function<int(Host&, const CliInvocation&, std::ostream& out)> run;
    std::string owner;
};

struct DemoOptions {
    int size = 1000;  // e.g. number of customers
    // Poll it while filling; a cancel (JobCancelled) must leave nothing behind.
    jobs::Progress* progress = nullptr;
};
struct DemoDataProvider {
    std::string id;
    i18n::Text label;
    int order = 100;  // providers run in this order (customers before their orders)
    // Returns a one-line summary: "1,000 customers".
    std::function<std::string(Host&, const DemoOptions&)> fill;
    std::string owner;
};

// A button over a declared list that acts on the selected rows (SPEC §2.11 batch actions:
// assign, move to the pool, change category ...). The shell asks for `input` first, runs
// `run` and shows one line: "12 assigned, 2 refused: <title>: <why>; ...". Each record is
// done or refused on its own (all-or-nothing per record), so one refusal never undoes the rest.
struct ListActionInput {
    enum class Kind { none, confirm, user, dictionary };
    Kind kind = Kind::none;
    std::string dictionary;  // Kind::dictionary: the kind whose values are offered
    i18n::Text prompt;       // the question: "Assign the selected customers to:"
};
struct ListActionResult {
    long long done = 0;
    std::vector<std::pair<std::string, std::string>> refused;  // record title, why
};
struct ListAction {
    std::string id;    // "contacts.customers.assign"
    std::string list;  // the declared list it appears on: "contacts.customers"
    i18n::Text label;  // the button: "Assign to..."
    std::string permission;  // "" = everyone who sees the list; `run` must check again
    int order = 100;
    ListActionInput input;
    i18n::Text done;  // the result's first part, %s = how many: "%s assigned"
    // `choice` is what the person picked: a user id, a dictionary value id, or "".
    std::function<ListActionResult(Host&, const std::vector<long long>& ids, const std::string& choice)> run;
    std::string owner;
};

// Rows of a declared list the shell shows in red (SPEC §2.6: a customer over its credit limit
// is red to its account manager). `rows` is given the ids of the rows about to be shown (a page
// of them) and returns those to colour; it runs as the list pages in, so one quick query.
struct ListHighlight {
    std::string id;    // "contacts.customers.over_credit"
    std::string list;  // the declared list: "contacts.customers"
    i18n::Text label;  // what red means, shown under the list: "Over the credit limit"
    std::function<std::vector<long long>(Host&, const std::vector<long long>& ids)> rows;
    std::string owner;
};

// Work the application does by itself: the GUI runs each job on a worker thread once soon
// after start and then every `intervalMinutes`, as the signed-in person (automatic recall to
// the public pool, SPEC §2.7). Two PCs may run a job at the same moment: make it safe to.
struct ScheduledJob {
    std::string id;  // "contacts.pool_recall"
    i18n::Text label;
    int intervalMinutes = 60;
    // Returns a one-line summary for the log ("3 customers returned to the pool"; "" = nothing
    // to do). `now` is the time to work with: tests pass a clock they move.
    std::function<std::string(Host&, const Clock& now)> run;
    std::string owner;
};

// Lines a plugin adds to the screen pop of a known caller (SPEC §7.2): open tickets, recent
// orders. Runs on the UI thread while the phone rings, so one quick query; what it throws is
// shown in its own section only.
struct ScreenPopSection {
    std::string id;    // "tickets.recent_tickets"
    i18n::Text label;  // "Recent tickets"
    int order = 100;
    std::function<std::vector<std::string>(Host&, const telephony::Caller&)> lines;
    std::string owner;
};

}  // namespace tiller::plugin
