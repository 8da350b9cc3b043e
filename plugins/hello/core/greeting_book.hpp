// The greetings the hello plugin keeps: who was greeted, with what, and when.
#pragma once

#include <tiller/jobs/progress.hpp>
#include <tiller/plugin/host.hpp>

#include <string>
#include <vector>

namespace hello {

struct Greeting {
    long long id = 0;
    std::string name;
    std::string greeting;
};

class GreetingBook {
public:
    explicit GreetingBook(tiller::plugin::Host& host) : host_(host), database_(host.database()) {}
    // Greets `name` with the configured salutation ("Hello" by default), as the signed-in
    // person's greeting; refuses an empty name. Needs hello.greet.
    Greeting greet(const std::string& name);
    long long count() const;
    // Greetings whose name contains `fragment`, among those the person may see.
    std::vector<Greeting> find(const std::string& fragment, int limit) const;
    // Adds `count` greetings of sample people in one transaction, polling `progress`; a cancel
    // leaves none of them.
    void addSamples(int count, tiller::jobs::Progress& progress);

    std::string salutation() const;
    void setSalutation(const std::string& salutation);

private:
    tiller::plugin::Host& host_;
    tiller::db::Database& database_;
};

}  // namespace hello
