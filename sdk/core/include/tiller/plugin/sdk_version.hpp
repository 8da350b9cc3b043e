// The version of the plugin API this SDK provides.
//
// Compatibility rule (docs/plugin-guide.md): a minor release only adds to the API, so a plugin
// built for 1.x runs on every later 1.y; a major release may break it. A plugin states what it
// needs in plugin.yaml as `sdk: "^1.0"`, and the plugin manager refuses it when the running
// SDK's version is outside that range.
#pragma once

#include <tiller/plugin/semver.hpp>

namespace tiller::plugin {
inline const Version kSdkApiVersion{1, 0, 0, ""};
}
