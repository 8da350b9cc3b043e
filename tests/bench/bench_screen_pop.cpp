// bench_screen_pop: screen_pop_ms (issue 8): from an INVITE leaving the caller to the screen pop's
// data being ready (the caller looked up, IncomingCall published) in the dialer's Phone on a real
// liblinphone SipProvider on 127.0.0.1, polled every 20 ms as the GUI's timer does, with a
// company database of N customers (default 1,000,000), each with a mobile and a contact with
// another mobile, in the phone index. The INVITEs are written here on a UDP socket (one per
// call, like sipp's), so the clock starts when the packet is sent. Drawing the window is not in
// this figure: the GUI logs that part ("screen pop shown ... ms after the INVITE").
//
//   bench_screen_pop [--customers N] [--calls N] [--keep DIR]
#include "core/contacts_contributions.hpp"
#include "core/dialer_contributions.hpp"
#include "core/sip_provider.hpp"

#include <tiller/migrations/migrator.hpp>
#include <tiller/record/entity.hpp>
#include <tiller/startup.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace db = tiller::db;
using Steady = std::chrono::steady_clock;

namespace {

std::string pad(long long value, int width) {
    std::string digits = std::to_string(value);
    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(digits.size()))), '0') + digits;
}
std::string customerMobile(long long i) { return "86135" + pad(i, 8); }  // lookup keys
std::string contactMobile(long long i) { return "86136" + pad(i, 8); }

// N customers, each with its mobile, and a contact with its own, in one transaction.
void fill(db::Database& database, long long customers) {
    database.inTransaction([&](soci::session& s) {
        const long long batch = 1000;
        for (long long done = 0; done < customers; done += batch) {
            long long n = std::min(batch, customers - done);
            std::vector<long long> ids, created;
            std::vector<std::string> names, contactNames, mobiles, kinds, keys, raws;
            for (long long i = done; i < done + n; ++i) {
                ids.push_back(i + 1);
                created.push_back(0);
                names.push_back("客户" + std::to_string(i + 1) + "科技有限公司");
                contactNames.push_back("联系人" + std::to_string(i + 1));
                mobiles.push_back("+" + customerMobile(i));
            }
            s << "INSERT INTO contacts_customer (id, name, status, created_at, updated_at, version) "
                 "VALUES (:id, :name, 'potential', :c1, :c2, 1)",
                soci::use(ids), soci::use(names), soci::use(created), soci::use(created);
            s << "INSERT INTO contacts_contact (id, customer_id, name, created_at, updated_at, version) "
                 "VALUES (:id, :cu, :name, :c1, :c2, 1)",
                soci::use(ids), soci::use(ids), soci::use(contactNames), soci::use(created), soci::use(created);
            for (const char* kind : {"customer", "contact"}) {
                kinds.assign(static_cast<std::size_t>(n), kind);
                keys.clear();
                raws.clear();
                for (long long i = done; i < done + n; ++i) {
                    keys.push_back(std::string(kind) == "customer" ? customerMobile(i) : contactMobile(i));
                    raws.push_back("+" + keys.back());
                }
                std::vector<int> order(static_cast<std::size_t>(n), 0), valid(static_cast<std::size_t>(n), 1);
                s << "INSERT INTO contacts_phone (owner_kind, owner_id, sort_order, raw, lookup_key, e164, valid, created_at) "
                     "VALUES (:k, :o, :s, :r, :key, :e, :v, :c)",
                    soci::use(kinds), soci::use(ids), soci::use(order), soci::use(raws), soci::use(keys), soci::use(raws),
                    soci::use(valid), soci::use(created);
            }
        }
    });
}

// A one-shot INVITE from `number` as sipp's uac sends it.
std::string invite(const std::string& number, int toPort, int fromPort, int n) {
    std::string sdp = "v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                      "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    std::string to = "sip:bench@127.0.0.1:" + std::to_string(toPort);
    return "INVITE " + to + " SIP/2.0\r\n" + "Via: SIP/2.0/UDP 127.0.0.1:" + std::to_string(fromPort) + ";branch=z9hG4bK-bench-" +
           std::to_string(n) + "\r\n" + "From: <sip:" + number + "@127.0.0.1>;tag=bench" + std::to_string(n) + "\r\n" + "To: <" + to +
           ">\r\nCall-ID: bench-" + std::to_string(n) + "@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:" + number + "@127.0.0.1:" +
           std::to_string(fromPort) + ">\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: " +
           std::to_string(sdp.size()) + "\r\n\r\n" + sdp;
}

}  // namespace

int main(int argc, char** argv) {
    long long customers = 1000000;
    int calls = 60;
    std::string keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--customers") customers = std::max(1LL, std::atoll(argv[i + 1]));
        if (flag == "--calls") calls = std::max(1, std::atoi(argv[i + 1]));
        if (flag == "--keep") keep = argv[i + 1];
    }
    auto scratch = keep.empty() ? std::filesystem::temp_directory_path() / "tiller-bench-pop" : std::filesystem::path(keep);
    try {
        std::filesystem::create_directories(scratch);
        auto file = scratch / ("pop-" + std::to_string(customers) + ".db");
        bool fresh = !std::filesystem::exists(file);
        auto database = tiller::startup::openAndMigrate(db::DatabaseUrl::sqliteFile(file)).database;
        tiller::plugin::Registry registry;
        tiller::plugin::Host host{database, registry};
        registry.setOwner("contacts");
        contacts::contribute(registry);
        registry.setOwner("dialer");
        auto service = std::make_shared<dialer::PhoneService>();
        dialer::contribute(registry, service);
        tiller::migrations::Migrator migrator(*database);
        migrator.add(registry.migrationsOf("contacts"));
        migrator.add(registry.migrationsOf("dialer"));
        migrator.apply();
        if (fresh) {
            auto started = Steady::now();
            fill(*database, customers);
            std::printf("fill_seconds=%.1f\n", std::chrono::duration<double>(Steady::now() - started).count());
        }
        std::printf("customers=%lld contacts=%lld phone_numbers=%lld\n", customers, customers, 2 * customers);

        tiller::SystemClock clock;
        dialer::SipSettings s;
        s.dataDir = scratch / "linphone";
        s.bindAddress = "127.0.0.1";
        s.sipPort = -1;
        s.headless = true;
        auto provider = std::make_unique<dialer::SipProvider>(s, clock);
        auto* sip = provider.get();
        dialer::Phone phone(host, std::move(provider), clock);
        phone.setRegistrationNeeded(false);
        int port = sip->sipPort();

        int sock = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in self{};
        self.sin_family = AF_INET;
        self.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(sock, reinterpret_cast<sockaddr*>(&self), sizeof self);
        socklen_t length = sizeof self;
        ::getsockname(sock, reinterpret_cast<sockaddr*>(&self), &length);
        int fromPort = ntohs(self.sin_port);
        sockaddr_in target{};
        target.sin_family = AF_INET;
        target.sin_port = htons(static_cast<uint16_t>(port));
        target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

        std::vector<double> popMs, lookupMs;
        int known = 0;
        bool popped = false;
        dialer::ActiveCall last;
        phone.onIncoming = [&](const dialer::ActiveCall& c) {
            popped = true;
            last = c;
        };
        for (int n = 0; n < calls; ++n) {
            long long who = (n * 7919LL) % customers;
            std::string number = n % 3 == 0 ? "+" + customerMobile(who) : n % 3 == 1 ? "0" + customerMobile(who).substr(2)
                                                                                       : contactMobile(who).substr(2);
            std::string packet = invite(number, port, fromPort, n);
            popped = false;
            auto sent = Steady::now();
            ::sendto(sock, packet.data(), packet.size(), 0, reinterpret_cast<sockaddr*>(&target), sizeof target);
            // The GUI polls every 20 ms; the INVITE lands somewhere in between.
            while (!popped && Steady::now() - sent < std::chrono::seconds(5)) {
                phone.poll();
                if (!popped) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            if (!popped) throw std::runtime_error("no pop for call " + std::to_string(n));
            popMs.push_back(std::chrono::duration<double, std::milli>(Steady::now() - sent).count());
            lookupMs.push_back(last.lookupMs);
            known += last.caller.known && last.caller.recordId == who + 1;
            phone.provider().reject(last.id, false);
            for (int i = 0; i < 3; ++i) {
                phone.poll();
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }
        ::close(sock);
        auto at = [](std::vector<double> v, double q) {
            std::sort(v.begin(), v.end());
            return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
        };
        std::printf("calls=%d known=%d\n", calls, known);
        std::printf("screen_pop_ms_p50=%.1f\nscreen_pop_ms_p95=%.1f\nscreen_pop_ms_max=%.1f (target: 150)\n", at(popMs, 0.5),
                    at(popMs, 0.95), at(popMs, 1.0));
        std::printf("caller_lookup_ms_p50=%.2f\ncaller_lookup_ms_p95=%.2f\n", at(lookupMs, 0.5), at(lookupMs, 0.95));
        if (known != calls) return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_screen_pop: %s\n", e.what());
        return 1;
    }
    return 0;
}
