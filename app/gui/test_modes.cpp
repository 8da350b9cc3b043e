#include "test_modes.hpp"
#include "global_search.hpp"
#include "startup_report.hpp"
#include "tiller_app.hpp"

#include <tiller/log/log.hpp>
#include <tiller/ui/record_list_view.hpp>
#include <tiller/ui/text.hpp>

#include <nlohmann/json.hpp>

#include <wx/aui/auibook.h>
#include <wx/aui/framemanager.h>
#include <wx/bmpbuttn.h>
#include <wx/button.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/listbook.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/menu.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/toolbar.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>
#include <wx/treelist.h>

#include <fstream>
#include <iostream>

namespace tiller::gui {
namespace {

using nlohmann::json;

std::string s(const wxString& text) { return ui::utf8(text); }

void describeTree(wxTreeCtrl* tree, wxTreeItemId parent, json& out) {
    wxTreeItemIdValue cookie;
    for (auto item = tree->GetFirstChild(parent, cookie); item.IsOk(); item = tree->GetNextChild(parent, cookie)) {
        json node{{"label", s(tree->GetItemText(item))}, {"items", json::array()}};
        describeTree(tree, item, node["items"]);
        out.push_back(node);
    }
}

void collectTexts(wxWindow* window, json& texts) {
    for (wxWindow* child : window->GetChildren()) {
        if (!child->IsShown()) continue;
        if (auto* label = dynamic_cast<wxStaticText*>(child)) texts.push_back(s(label->GetLabel()));
        if (auto* button = dynamic_cast<wxButton*>(child)) texts.push_back(s(button->GetLabel()));
        if (auto* group = dynamic_cast<wxStaticBox*>(child)) texts.push_back({{"group", s(group->GetLabel())}});
        if (auto* box = dynamic_cast<wxCheckBox*>(child)) texts.push_back({{"checkbox", s(box->GetLabel())}, {"checked", box->GetValue()}});
        if (auto* radio = dynamic_cast<wxRadioButton*>(child))
            texts.push_back({{"radio", s(radio->GetLabel())}, {"checked", radio->GetValue()}, {"name", s(radio->GetName())}});
        if (auto* list = dynamic_cast<wxListCtrl*>(child); list && !list->IsVirtual()) {
            for (long row = 0; row < list->GetItemCount(); ++row) {
                json cells = json::array();
                for (int col = 0; col < list->GetColumnCount(); ++col) cells.push_back(s(list->GetItemText(row, col)));
                texts.push_back(cells);
            }
        }
        if (auto* grid = dynamic_cast<wxGrid*>(child)) {  // a table edited in place: one array per row
            for (int row = 0; row < grid->GetNumberRows(); ++row) {
                json cells = json::array();
                for (int col = 0; col < grid->GetNumberCols(); ++col) cells.push_back(s(grid->GetCellValue(row, col)));
                texts.push_back(cells);
            }
        }
        if (auto* book = dynamic_cast<wxListbook*>(child))
            for (size_t i = 0; i < book->GetPageCount(); ++i) texts.push_back(s(book->GetPageText(i)));
        if (auto* book = dynamic_cast<wxNotebook*>(child)) {
            // Every page's title; the pages not on screen with their texts too (the one on
            // screen is described below like any other window).
            json pages = json::array();
            for (size_t i = 0; i < book->GetPageCount(); ++i) {
                bool selected = static_cast<int>(i) == book->GetSelection();
                json page{{"page", s(book->GetPageText(i))}, {"selected", selected}};
                if (!selected) {
                    json hidden = json::array();
                    collectTexts(book->GetPage(i), hidden);
                    page["texts"] = hidden;
                }
                pages.push_back(page);
            }
            texts.push_back({{"notebook", pages}});
        }
        if (auto* field = dynamic_cast<wxTextCtrl*>(child); field && !(field->GetWindowStyle() & wxTE_PASSWORD))
            texts.push_back({{"field", s(field->GetValue())}});
        if (auto* checks = dynamic_cast<wxCheckListBox*>(child)) {
            for (unsigned i = 0; i < checks->GetCount(); ++i)
                texts.push_back({{"check", s(checks->GetString(i))}, {"checked", checks->IsChecked(i)}});
        } else if (auto* box = dynamic_cast<wxListBox*>(child)) {
            for (unsigned i = 0; i < box->GetCount(); ++i) texts.push_back({{"item", s(box->GetString(i))}});
        }
        if (auto* choice = dynamic_cast<wxChoice*>(child)) texts.push_back({{"choice", s(choice->GetStringSelection())}});
        if (auto* tree = dynamic_cast<wxTreeCtrl*>(child)) {
            json items = json::array();
            describeTree(tree, tree->GetRootItem(), items);
            texts.push_back({{"tree", items}});
        }
        if (auto* treeList = dynamic_cast<wxTreeListCtrl*>(child)) {
            for (auto item = treeList->GetFirstItem(); item.IsOk(); item = treeList->GetNextItem(item))
                texts.push_back({{"permission", s(treeList->GetItemText(item))},
                                 {"key", s(treeList->GetItemText(item, 1))},
                                 {"checked", treeList->GetCheckedState(item) == wxCHK_CHECKED}});
        }
        collectTexts(child, texts);
    }
}

template <class T>
T* findChild(wxWindow* window) {
    for (wxWindow* child : window->GetChildren()) {
        if (auto* hit = dynamic_cast<T*>(child)) return hit;
        if (auto* deeper = findChild<T>(child)) return deeper;
    }
    return nullptr;
}


json dialogs() {
    json list = json::array();
    for (wxWindow* top : wxTopLevelWindows) {
        auto* dialog = dynamic_cast<wxDialog*>(top);
        if (!dialog || !dialog->IsShown()) continue;
        json texts = json::array();
        collectTexts(dialog, texts);
        list.push_back({{"title", s(dialog->GetTitle())}, {"texts", texts}});
    }
    return list;
}

json describeDialogs() { return {{"dialogs", dialogs()}}; }

json describe(wxFrame& frame) {
    json ui;
    ui["title"] = s(frame.GetTitle());
    ui["menus"] = json::array();
    if (auto* bar = frame.GetMenuBar()) {
        for (size_t i = 0; i < bar->GetMenuCount(); ++i) {
            json menu{{"label", s(bar->GetMenuLabelText(i))}, {"items", json::array()}};
            for (auto* item : bar->GetMenu(i)->GetMenuItems()) {
                if (item->IsSeparator()) continue;
                menu["items"].push_back({{"label", s(item->GetItemLabelText())},
                                         {"shortcut", item->GetAccel() ? s(item->GetAccel()->ToString()) : ""},
                                         {"enabled", item->IsEnabled()}});
            }
            ui["menus"].push_back(menu);
        }
    }
    ui["toolbar"] = json::array();
    if (auto* toolbar = frame.GetToolBar())
        for (size_t i = 0; i < toolbar->GetToolsCount(); ++i)
            if (auto* tool = toolbar->GetToolByPos(static_cast<int>(i)); tool->IsButton())  // not the search box
                ui["toolbar"].push_back(s(tool->GetLabel()));
    ui["navigation"] = json::array();
    if (auto* tree = findChild<wxTreeCtrl>(&frame)) describeTree(tree, tree->GetRootItem(), ui["navigation"]);
    ui["tabs"] = json::array();
    if (auto* tabs = findChild<wxAuiNotebook>(&frame)) {
        for (size_t i = 0; i < tabs->GetPageCount(); ++i) ui["tabs"].push_back(s(tabs->GetPageText(i)));
        int selected = tabs->GetSelection();
        ui["current_tab"] = selected >= 0 ? s(tabs->GetPageText(static_cast<size_t>(selected))) : "";
        if (selected >= 0) {
            json texts = json::array();
            auto* page = tabs->GetPage(static_cast<size_t>(selected));
            auto* list = dynamic_cast<wxListCtrl*>(page);
            if (!list) list = findChild<wxListCtrl>(page);  // a list view with a search bar
            if (list) {
                ui["current_list_rows"] = list->GetItemCount();
                json columns = json::array();
                for (int c = 0; c < list->GetColumnCount(); ++c) {
                    wxListItem col;
                    col.SetMask(wxLIST_MASK_TEXT);
                    list->GetColumn(c, col);
                    columns.push_back(s(col.GetText()));
                }
                ui["current_list_columns"] = columns;
                // Rows a plugin colours (ListHighlight), by record id, among the first 200.
                if (auto* table = dynamic_cast<ui::RecordTable*>(list)) {
                    json highlighted = json::array();
                    for (long row = 0; row < table->GetItemCount() && row < 200; ++row)
                        if (table->isHighlighted(row)) highlighted.push_back(table->idAt(row));
                    ui["current_list_highlighted_ids"] = highlighted;
                }
            }
            collectTexts(page, texts);
            ui["current_tab_texts"] = texts;
        }
    }
    ui["navigation_shown"] = false;
    if (auto* tree = findChild<wxTreeCtrl>(&frame)) ui["navigation_shown"] = tree->IsShownOnScreen();
    ui["status"] = json::array();
    if (auto* status = frame.GetStatusBar())
        for (int i = 0; i < status->GetFieldsCount(); ++i) ui["status"].push_back(s(status->GetStatusText(i)));
    ui["dialogs"] = dialogs();
    // Plugins' bars along the top (the phone bar): name -> texts.
    ui["bars"] = json::object();
    if (auto* aui = wxAuiManager::GetManager(&frame))
        for (size_t i = 0; i < aui->GetAllPanes().GetCount(); ++i)
            if (const auto& pane = aui->GetAllPanes().Item(i); pane.name.StartsWith("bar:") && pane.window && pane.IsShown()) {
                json texts = json::array();
                collectTexts(pane.window, texts);
                ui["bars"][s(pane.name.Mid(4))] = texts;
            }
    if (auto* search = findChild<GlobalSearchBox>(&frame)) ui["search"] = search->describe();
    return ui;
}

bool capture(const wxString& file) {
    // Everything shown: the main window and any dialog above it. No window manager under Xvfb,
    // so the screen's pixels are exactly what a person would see.
    wxRect area;
    for (wxWindow* top : wxTopLevelWindows)
        if (top->IsShown()) area = area.IsEmpty() ? top->GetScreenRect() : area.Union(top->GetScreenRect());
    if (area.IsEmpty()) return false;
    wxScreenDC screen;
    wxBitmap bitmap(area.width, area.height, 24);
    {
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, area.width, area.height, &screen, area.x, area.y);
    }
    return bitmap.SaveFile(file, wxBITMAP_TYPE_PNG);
}

}  // namespace

bool captureWindows(const LaunchOptions& options, wxFrame* frame) {
    if (!options.describe.empty()) {
        std::ofstream out(options.describe);
        out << (frame ? describe(*frame) : describeDialogs()).dump(2) << '\n';
    }
    bool saved = capture(wxString::FromUTF8(options.screenshot));
    if (!saved) log::error("cannot write the screenshot " + options.screenshot);
    return saved;
}

void captureForTests(wxFrame& frame, const LaunchOptions& options, bool openFailed) {
    auto* app = dynamic_cast<TillerApp*>(wxTheApp);
    wxYield();
    frame.Update();
    bool saved = captureWindows(options, &frame);
    if (app) app->setExitCode(openFailed ? 3 : saved ? 0 : 4);
    for (wxWindow* top : wxTopLevelWindows)
        if (auto* dialog = dynamic_cast<wxDialog*>(top); dialog && dialog->IsModal()) dialog->EndModal(wxID_CANCEL);
    frame.CallAfter([&frame] { frame.Close(true); });
}

void reportStartup() {
    std::cout << app::startupReport() << std::flush;
}

}  // namespace tiller::gui
