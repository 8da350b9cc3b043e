#include "customer_screens.hpp"
#include "customer_view.hpp"
#include "merge_dialog.hpp"
#include "new_customer_dialog.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace contacts::card {

void contributeCustomerCommands(tiller::plugin::Registry& registry) {
    tiller::plugin::Command merge;
    merge.id = "contacts.merge_customers";
    merge.label = N_("Merge customers...");
    merge.menu = "Customers";
    merge.permission = "contacts.merge";
    merge.order = 60;
    merge.run = [](tiller::plugin::Host& host) {
        MergeDialog dialog(tiller::ui::mainWindow(), host, 0, 0);
        dialog.ShowModal();
    };
    registry.add(merge);
}

void contributeCustomerScreens(tiller::ui::UiRegistry& widgets) {
    // The UiRegistry outlives every window: the view reads other plugins' panel factories
    // from it when it opens.
    const tiller::ui::UiRegistry* all = &widgets;
    widgets.addRecordOpener("contacts.customer", [all](wxWindow* parent, tiller::plugin::Host& host, long long id) -> wxWindow* {
        return new CustomerView(parent, host, *all, id);
    });
    widgets.addRecordCreator("contacts.customer", [](wxWindow* parent, tiller::plugin::Host& host,
                                                     const tiller::record::Input& prefill) -> long long {
        NewCustomerDialog dialog(parent, host, prefill);
        return dialog.ShowModal() == wxID_OK ? dialog.savedId() : 0;
    });
}

}  // namespace contacts::card
