// What a plugin can add to Tiller. Each contribution has a stable id ("<plugin>.<name>") so
// other plugins can refer to it, and an owner (filled in by the Registry) so the shell can
// say which plugin failed. Parts that need widgets (custom panels, record tabs, settings
// pages) are declared here and their widgets are made by factories registered with tiller_ui.
#pragma once

#include <tiller/i18n/text.hpp>
#include <tiller/jobs/progress.hpp>
#include <tiller/migrations/migration.hpp>
#include <tiller/plugin/list_source.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

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
};
struct CliInvocation {
    std::map<std::string, std::string> values;  // option -> value ("1" for a given flag)
    std::vector<std::string> arguments;          // positional
    bool json = false;
};
struct CliCommand {
    std::string name;  // "hello-greet"
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

}  // namespace tiller::plugin
