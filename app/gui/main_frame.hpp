// The main window. For now it shows which database is open; the plugin shell fills it.
#pragma once

#include <tiller/db/database.hpp>

#include <wx/frame.h>

#include <memory>

namespace tiller::gui {

class MainFrame : public wxFrame {
public:
    explicit MainFrame(std::shared_ptr<db::Database> database);

private:
    std::shared_ptr<db::Database> database_;
};

}  // namespace tiller::gui
