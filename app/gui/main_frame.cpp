#include "main_frame.hpp"

#include "art.hpp"
#include "home_page.hpp"
#include "plugins_dialog.hpp"
#include "settings_dialog.hpp"
#include "test_modes.hpp"
#include "window_layout.hpp"

#include <tiller/backup/backup.hpp>
#include <tiller/errors.hpp>
#include <tiller/plugin/command_runner.hpp>
#include <tiller/log/log.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/record_dialog.hpp>
#include <tiller/ui/record_list.hpp>
#include <tiller/ui/record_list_view.hpp>
#include <tiller/ui/tr.hpp>
#include <tiller/version.hpp>

#include <wx/aboutdlg.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/toolbar.h>

#include <algorithm>

namespace tiller::gui {
namespace {

// Where a top-level menu goes: File, Edit, View first; Tools, Help last; plugin menus between,
// in the order they first appear.
int menuRank(const std::string& name) {
    static const std::map<std::string, int> fixed = {
        {"File", 0}, {"Edit", 1}, {"View", 2}, {"Tools", 90}, {"Help", 100}};
    auto it = fixed.find(name);
    return it == fixed.end() ? 50 : it->second;
}

// The shell's own menu names, for the translators' catalog.
[[maybe_unused]] const char* kMenuNames[] = {N_("File"), N_("Edit"), N_("View"), N_("Tools"), N_("Help")};

wxString menuLabel(const std::string& name, const std::string& domain) {
    std::string translated = i18n::tr(name, "tiller");
    if (translated == name) translated = i18n::tr(name, domain);
    return ui::text(translated);
}

}  // namespace

MainFrame::MainFrame(Runtime& runtime, ui::UiRegistry& widgets, const LaunchOptions& options)
    : wxFrame(nullptr, wxID_ANY, ui::text("Tiller 舵手"), wxDefaultPosition,
              wxSize(1180, 760)),
      runtime_(runtime),
      widgets_(widgets),
      options_(options),
      settle_(this) {
    aui_.SetManagedWindow(this);
    buildMenus();
    buildToolbar();
    buildNavigation();
    buildBars();
    tabs_ = new wxAuiNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxAUI_NB_DEFAULT_STYLE | wxAUI_NB_CLOSE_ON_ALL_TABS | wxNO_BORDER);
    aui_.AddPane(tabs_, wxAuiPaneInfo().Name("tabs").CenterPane().PaneBorder(false));
    buildStatusBar();
    showHome();
    restoreLayout();
    aui_.Update();

    tabs_->Bind(wxEVT_AUINOTEBOOK_PAGE_CLOSE, [this](wxAuiNotebookEvent& e) {
        wxWindow* page = tabs_->GetPage(static_cast<size_t>(e.GetSelection()));
        if (page == home_) home_ = nullptr;
        for (auto it = openViews_.begin(); it != openViews_.end(); ++it)
            if (it->second == page) {
                openViews_.erase(it);
                break;
            }
        e.Skip();
    });
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);
    Bind(wxEVT_IDLE, &MainFrame::onFirstIdle, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        // --search: the picture shows the answer, not "Searching..." (up to 10 s more).
        if (search_ && search_->busy() && ++searchWaits_ < 100) {
            settle_.StartOnce(100);
            return;
        }
        // --wait-for: a window that comes later (the screen pop of a call a test places).
        if (!options_.waitFor.empty() && ++windowWaits_ < 600) {
            bool shown = false;
            for (wxWindow* top : wxTopLevelWindows) shown |= top->IsShown() && top->GetName() == options_.waitFor;
            settle_.StartOnce(shown ? 500 : 100);  // once shown, let it finish painting
            if (!shown) return;
            windowWaits_ = 600;
            return;
        }
        captureForTests(*this, options_, openFailed_);
    }, settle_.GetId());
}

MainFrame::~MainFrame() {
    alarm_.reset();  // waits for a check in progress
    work_.reset();   // waits for a job in progress
    aui_.UnInit();
}

void MainFrame::buildMenus() {
    auto& host = runtime_.host();
    std::vector<plugin::Command> commands = runtime_.registry().commands();
    std::stable_sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) {
        int ra = menuRank(a.menu.substr(0, a.menu.find('/')));
        int rb = menuRank(b.menu.substr(0, b.menu.find('/')));
        return ra != rb ? ra < rb : a.order < b.order;
    });
    auto* bar = new wxMenuBar;
    std::map<std::string, wxMenu*> menus;  // "Tools" or "Tools/Import"
    auto menuFor = [&](const std::string& path, const std::string& domain) -> wxMenu* {
        if (auto it = menus.find(path); it != menus.end()) return it->second;
        auto* menu = new wxMenu;
        menus[path] = menu;
        auto slash = path.rfind('/');
        if (slash == std::string::npos) {
            bar->Append(menu, menuLabel(path, domain));
        } else {
            // a submenu: make its parent first
            auto parentPath = path.substr(0, slash);
            auto* parent = menus.count(parentPath) ? menus[parentPath] : nullptr;
            if (!parent) {
                parent = new wxMenu;
                menus[parentPath] = parent;
                bar->Append(parent, menuLabel(parentPath, domain));
            }
            parent->AppendSubMenu(menu, menuLabel(path.substr(slash + 1), domain));
        }
        return menu;
    };
    std::string previousOwner;
    for (const auto& c : commands) {
        if (c.menu.empty()) continue;
        auto* menu = menuFor(c.menu, c.label.domain);
        // A separator between the shell's and each plugin's items in a shared menu.
        if (menu->GetMenuItemCount() > 0 && c.owner != previousOwner && c.menu != "File")
            menu->AppendSeparator();
        previousOwner = c.owner;
        int id = wxWindow::NewControlId();
        commandIds_[id] = c.id;
        wxString label = ui::tr(c.label);
        if (!c.accelerator.empty()) label += "\t" + ui::text(c.accelerator);
        // GTK wants the picture before the item joins its menu.
        auto* item = new wxMenuItem(menu, id, label);
        if (!c.icon.empty()) item->SetBitmap(art::icon(c.icon, wxART_MENU));
        menu->Append(item);
        item->Enable(host.allows(c.permission));
    }
    SetMenuBar(bar);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        auto it = commandIds_.find(e.GetId());
        if (it != commandIds_.end()) runCommand(it->second);
        else e.Skip();
    });
}

void MainFrame::buildToolbar() {
    auto* toolbar = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT | wxTB_TEXT);
    for (const auto& c : runtime_.registry().commands()) {
        if (!c.toolbar || !runtime_.host().allows(c.permission)) continue;
        int id = wxWindow::NewControlId();
        commandIds_[id] = c.id;
        toolbar->AddTool(id, ui::tr(c.label), art::icon(c.icon, wxART_TOOLBAR), ui::tr(c.label));
    }
    // The global search (SPEC §2.12) at the right end; a hit opens as `--open record:ENTITY:ID` does.
    toolbar->AddStretchableSpace();
    search_ = new GlobalSearchBox(toolbar, runtime_, [this](const std::string& target) {
        try {
            ui::openRecordTarget(this, target);
        } catch (const std::exception& e) {
            notify(e.what());  // e.g. the record was deleted since it was found
        }
    });
    toolbar->AddControl(search_);
    toolbar->Realize();
}

void MainFrame::buildNavigation() {
    navigation_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(220, -1)),
                                 wxTR_HIDE_ROOT | wxTR_HAS_BUTTONS | wxTR_NO_LINES |
                                     wxTR_FULL_ROW_HIGHLIGHT | wxTR_SINGLE | wxNO_BORDER);
    auto root = navigation_->AddRoot("");
    std::vector<plugin::NavigationView> views = runtime_.registry().views();
    std::stable_sort(views.begin(), views.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
    std::map<std::string, wxTreeItemId> groups;
    for (const auto& v : views) {
        if (!runtime_.host().allows(v.permission)) continue;
        std::string group = i18n::tr(v.group);
        if (!groups.count(group)) {
            groups[group] = navigation_->AppendItem(root, ui::text(group));
            navigation_->SetItemBold(groups[group]);
        }
        auto item = navigation_->AppendItem(groups[group], ui::tr(v.label));
        navigationIds_[item] = v.id;
    }
    navigation_->ExpandAll();
    navigation_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        auto it = navigationIds_.find(e.GetItem());
        if (it != navigationIds_.end()) openView(it->second);
    });
    aui_.AddPane(navigation_, wxAuiPaneInfo()
                                  .Name("navigation")
                                  .Caption(ui::tr("Navigation"))
                                  .Left()
                                  .BestSize(FromDIP(wxSize(220, 400)))
                                  .MinSize(FromDIP(wxSize(150, 100)))
                                  .CloseButton(true)
                                  .PaneBorder(false));
}

// Plugins' bars (the phone bar) along the top, each in its own pane; one that throws is left out
// and said so in the status bar, the rest of the window is built as usual.
void MainFrame::buildBars() {
    int row = 0;
    for (const auto& [id, factory] : widgets_.bars()) {
        try {
            wxWindow* bar = factory(this, runtime_.host());
            if (!bar) continue;
            aui_.AddPane(bar, wxAuiPaneInfo()
                                  .Name("bar:" + id)
                                  .Top()
                                  .Row(row++)
                                  .CaptionVisible(false)
                                  .PaneBorder(false)
                                  .Resizable(false)
                                  .CloseButton(false)
                                  .BestSize(bar->GetBestSize()));
        } catch (const std::exception& e) {
            log::error("bar " + id + " could not be shown: " + e.what());
        }
    }
}

void MainFrame::showStatus(const std::string& key, const wxString& text) {
    if (text.empty())
        shelf_.erase(key);
    else
        shelf_[key] = text;
    wxString joined;
    for (const auto& [k, t] : shelf_) joined += (joined.empty() ? "" : "   ") + t;
    if (GetStatusBar()) SetStatusText(joined, 3);
}

void MainFrame::buildStatusBar() {
    CreateStatusBar(5);
    int widths[] = {-3, -2, -2, -2, FromDIP(180)};
    SetStatusWidths(5, widths);
    int running = 0, notRunning = 0;
    for (const auto& p : runtime_.plugins().plugins())
        (p.state == plugin::PluginState::started ? running : notRunning)++;
    wxString plugins = wxString::Format(ui::tr("%d plugins running"), running);
    if (notRunning > 0) plugins += wxString::Format(ui::tr(", %d not running"), notRunning);
    SetStatusText(ui::tr("Ready"), 0);
    SetStatusText(plugins, 1);
    SetStatusText(ui::text(runtime_.settings().database.redacted()), 2);
    showStatus("", "");  // what the bars said while the window was built
    alarm_ = std::make_unique<ReminderAlarm>(*this, runtime_, 4);
    work_ = std::make_unique<ScheduledWork>(*this, runtime_);
}

void MainFrame::notify(const std::string& message) { SetStatusText(ui::text(message), 0); }

void MainFrame::runCommand(const std::string& commandId) {
    auto outcome = plugin::runCommand(runtime_.host(), commandId);
    switch (outcome.result) {
        case plugin::CommandOutcome::Result::done:
            refreshCurrent();
            break;
        case plugin::CommandOutcome::Result::refused:
            ui::showError(this, ui::tr("Not allowed"), Error(outcome.message));
            break;
        case plugin::CommandOutcome::Result::failed:
        case plugin::CommandOutcome::Result::unknown:
            ui::showError(this, ui::tr("The command failed"), Error(outcome.message));
            break;
    }
}

wxWindow* MainFrame::makeView(const plugin::NavigationView& view) {
    try {
        if (view.list) return new ui::RecordList(tabs_, view.list(runtime_.host()), view.label.domain);
        if (const auto* list = runtime_.registry().list(view.recordList))
            return new ui::RecordListView(tabs_, std::make_shared<record::Store>(runtime_.host(), runtime_.clock()), *list);
        if (const auto* factory = widgets_.view(view.id)) return (*factory)(tabs_, runtime_.host());
        throw Error("the plugin registered no widget for this view");
    } catch (const std::exception& e) {
        // A broken view shows its error in its own tab; everything else keeps working.
        auto* panel = new wxPanel(tabs_);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* text = new wxStaticText(panel, wxID_ANY,
                                      ui::tr("This view could not be opened:") + "\n\n" +
                                          ui::text(e.what()) + "\n\n(" + ui::tr("plugin") + " " +
                                          ui::text(view.owner) + ")");
        sizer->Add(text, 0, wxALL, FromDIP(24));
        panel->SetSizer(sizer);
        return panel;
    }
}

void MainFrame::openView(const std::string& viewId) {
    if (auto it = openViews_.find(viewId); it != openViews_.end()) {
        tabs_->SetSelection(static_cast<size_t>(tabs_->GetPageIndex(it->second)));
        return;
    }
    const auto* view = runtime_.registry().view(viewId);
    if (!view) {
        notify(i18n::tr("There is no view") + " '" + viewId + "'");
        return;
    }
    if (!runtime_.host().allows(view->permission)) {
        ui::showError(this, ui::tr("Not allowed"), Error(i18n::tr("You are not allowed to see this.")));
        return;
    }
    auto* page = makeView(*view);
    openViews_[viewId] = page;
    tabs_->AddPage(page, ui::tr(view->label), true);
}

void MainFrame::showHome() {
    if (home_) {
        tabs_->SetSelection(static_cast<size_t>(tabs_->GetPageIndex(home_)));
        return;
    }
    home_ = new HomePage(tabs_, runtime_);
    tabs_->InsertPage(0, home_, ui::tr("Home"), true, art::icon("home", wxART_MENU));
}

// Test and screenshot modes: "record:ENTITY:ID" (or :new) opens a record's dialog,
// "print:LIST" the print preview of a list view.
bool MainFrame::openForTests(const std::string& what) {
    auto colon = what.find(':');
    std::string kind = what.substr(0, colon), rest = what.substr(colon + 1);
    try {
        if (kind == "settings") {  // settings:PAGE-ID, the Settings dialog on that page
            showSettings(rest);
            return true;
        }
        if (kind == "print") {
            openView(rest);
            if (auto* list = dynamic_cast<ui::RecordListView*>(tabs_->GetCurrentPage())) {
                list->printPreview();
                return true;
            }
            return false;
        }
        auto second = rest.find(':');
        std::string entity = rest.substr(0, second), id = second == std::string::npos ? "new" : rest.substr(second + 1);
        if (!runtime_.registry().entity(entity)) throw NotFound("there is no kind of record called " + entity);
        if (id == "new") createRecord(this, entity);
        else openRecord(this, entity, std::stoll(id));
        return true;
    } catch (const std::exception& e) {
        notify(e.what());
        return false;
    }
}

bool MainFrame::openRecord(wxWindow* from, const std::string& entity, long long id, const std::string& formId) {
    const auto* opener = widgets_.recordOpener(entity);
    if (!opener) {
        try {
            record::Store store(runtime_.host(), runtime_.clock());
            ui::RecordDialog dialog(from ? from : this, store, entity, id, formId);
            return dialog.ShowModal() == wxID_OK;
        } catch (const std::exception& e) {
            ui::showError(this, ui::tr("The record cannot be opened"), e);
            return false;
        }
    }
    // One tab per record: opening it again shows the tab that is there.
    std::string key = "record:" + entity + ":" + std::to_string(id);
    if (auto it = openViews_.find(key); it != openViews_.end()) {
        tabs_->SetSelection(static_cast<size_t>(tabs_->GetPageIndex(it->second)));
        return false;
    }
    std::string title;
    wxWindow* page = nullptr;
    try {
        record::Store store(runtime_.host(), runtime_.clock());
        title = store.recordTitle(entity, id);  // NotFound when gone or not theirs to see
        if (title.empty()) title = i18n::tr(store.entity(entity).label) + " " + std::to_string(id);
        page = (*opener)(tabs_, runtime_.host(), id);
    } catch (const std::exception& e) {
        ui::showError(this, ui::tr("The record cannot be opened"), e);
        return false;
    }
    openViews_[key] = page;
    tabs_->AddPage(page, ui::text(title), true);
    return false;
}

long long MainFrame::createRecord(wxWindow* from, const std::string& entity, const std::string& formId,
                                  const record::Input& prefill) {
    try {
        if (const auto* creator = widgets_.recordCreator(entity)) return (*creator)(from ? from : this, runtime_.host(), prefill);
        record::Store store(runtime_.host(), runtime_.clock());
        ui::RecordDialog dialog(from ? from : this, store, entity, 0, formId, prefill);
        return dialog.ShowModal() == wxID_OK ? dialog.savedId() : 0;
    } catch (const std::exception& e) {
        ui::showError(this, ui::tr("The record cannot be opened"), e);
        return 0;
    }
}

void MainFrame::refreshCurrent() {
    int selection = tabs_->GetSelection();
    if (selection == wxNOT_FOUND) return;
    if (auto* list = dynamic_cast<ui::RecordList*>(tabs_->GetPage(static_cast<size_t>(selection))))
        list->refresh();
    if (auto* list = dynamic_cast<ui::RecordListView*>(tabs_->GetPage(static_cast<size_t>(selection))))
        list->refresh();
}

void MainFrame::closeCurrentTab() {
    int selection = tabs_->GetSelection();
    if (selection == wxNOT_FOUND) return;
    wxWindow* page = tabs_->GetPage(static_cast<size_t>(selection));
    if (page == home_) home_ = nullptr;
    for (auto it = openViews_.begin(); it != openViews_.end(); ++it)
        if (it->second == page) {
            openViews_.erase(it);
            break;
        }
    tabs_->DeletePage(static_cast<size_t>(selection));
}

void MainFrame::toggleNavigation() {
    auto& pane = aui_.GetPane("navigation");
    pane.Show(!pane.IsShown());
    aui_.Update();
}

void MainFrame::showPlugins() {
    PluginsDialog dialog(this, runtime_);
    dialog.ShowModal();
}

void MainFrame::showSettings(const std::string& page) {
    SettingsDialog dialog(this, runtime_, widgets_, page);
    dialog.ShowModal();
}

void MainFrame::showAbout() {
    wxAboutDialogInfo info;
    info.SetName(ui::text("Tiller 舵手"));
    info.SetVersion(kVersion);
    info.SetDescription(ui::tr("Customer management for small businesses"));
    info.SetLicence(ui::tr("Apache License 2.0. Plugins state their own licence in the Plugins dialog."));
    wxAboutBox(info, this);
}

void MainFrame::backUp() {
    wxFileDialog dialog(this, ui::tr("Back up the database to"), "", "tiller-backup.tiller",
                        ui::tr("Tiller backups") + " (*.tiller)|*.tiller", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        auto result = backup::backup(runtime_.settings().database, ui::utf8(dialog.GetPath()));
        notify(i18n::tr("Backup written:") + " " + result.file.string());
    } catch (const Error& e) {
        ui::showError(this, ui::tr("The backup failed"), e);
    }
}

void MainFrame::restoreLayout() {
    WindowLayout::restore(*this, aui_);
    // A saved layout carries the captions of the language it was saved in.
    aui_.GetPane("navigation").Caption(ui::tr("Navigation"));
}
void MainFrame::saveLayout() { WindowLayout::save(*this, aui_); }

void MainFrame::focusSearch() {
    if (!search_) return;
    search_->SetFocus();
    search_->SelectAll();
}

void MainFrame::onClose(wxCloseEvent& event) {
    settle_.Stop();
    alarm_.reset();  // its pop-ups close with the window
    work_.reset();
    saveLayout();
    event.Skip();
}

void MainFrame::onFirstIdle(wxIdleEvent& event) {
    event.Skip();
    if (idleSeen_) return;
    idleSeen_ = true;
    if (options_.reportStartup) reportStartup();
    // In test mode the capture is scheduled first: opening a view or running a command may
    // show a modal dialog, and the capture must happen inside its loop.
    if (!options_.screenshot.empty()) settle_.StartOnce(700);
    else if (options_.exitWhenIdle) CallAfter([this] { Close(); });
    if (!options_.search.empty() && search_) CallAfter([this] { search_->searchForTests(options_.search); });
    if (options_.open.empty()) return;
    CallAfter([this] {
        if (runtime_.registry().view(options_.open)) {
            openView(options_.open);
        } else if (runtime_.registry().command(options_.open)) {
            runCommand(options_.open);
        } else if (options_.open.rfind("record:", 0) == 0 || options_.open.rfind("print:", 0) == 0 ||
                   options_.open.rfind("settings:", 0) == 0) {
            openFailed_ = !openForTests(options_.open);
        } else {
            notify(i18n::tr("There is no view") + " '" + options_.open + "'");
            openFailed_ = true;
        }
    });
    if (options_.selectRows > 0) CallAfter([this] { selectRowsForTests(options_.selectRows); });
}

// As a person's clicks would: the rows get selected and the list hears of each.
void MainFrame::selectRowsForTests(int rows) {
    auto* page = tabs_->GetCurrentPage();
    wxListCtrl* list = page ? dynamic_cast<wxListCtrl*>(page) : nullptr;
    if (auto* view = dynamic_cast<ui::RecordListView*>(page)) list = view->table();
    if (!list) return;
    for (long row = 0; row < rows && row < list->GetItemCount(); ++row) {
        list->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        wxListEvent selected(wxEVT_LIST_ITEM_SELECTED, list->GetId());
        selected.SetEventObject(list);
        selected.m_itemIndex = row;
        list->GetEventHandler()->ProcessEvent(selected);
    }
}

}  // namespace tiller::gui
