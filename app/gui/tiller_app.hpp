// The wxApp: opens the company database, then shows the main frame.
#pragma once

#include <tiller/config/settings.hpp>
#include <tiller/db/database.hpp>

#include <wx/app.h>

#include <memory>

namespace tiller::gui {

struct LaunchOptions {
    config::Settings settings;
    bool demo = false;
};

class TillerApp : public wxApp {
public:
    explicit TillerApp(LaunchOptions options) : options_(std::move(options)) {}
    bool OnInit() override;
    int OnExit() override;

private:
    LaunchOptions options_;
    std::shared_ptr<db::Database> database_;
};

}  // namespace tiller::gui
