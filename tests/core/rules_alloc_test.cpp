// Counts heap allocations to prove that evaluating a compiled rule allocates
// nothing. The replacement operator new below serves the whole test binary; it
// only counts, then allocates exactly as the default one does.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>

#include "rules_table.h"

namespace {
// Test-only counter; the engine itself keeps no global state.
unsigned long long allocations = 0;
}  // namespace

// Every non-aligned form is replaced, so that each allocation and its release
// pair up as malloc/free (a partial set mixes allocators, which ASan rejects).
void* operator new(std::size_t size) {
    ++allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    return operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    ++allocations;
    return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
    return operator new(size, tag);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}

TEST_CASE("evaluating a compiled rule allocates nothing", "[rules][eval][alloc]") {
    const revdiag::deal_table table = revdiag::test::sample_table();
    const char* rules[] = {
        "present(owner) and problem_confirmed",
        "last_buyer_response_date >= proposal_sent_date or business_days_since(proposal_sent_date) < 5",
        "contains(lower(next_step), \"demo\") and lower(owner) != \"team\" and lead_source == \"Web\"",
        "days_until(decision_date) > 0 and amount + 10 > 5 - 1 and not budget_confirmed",
    };
    for (const char* text : rules) {
        const revdiag::result<revdiag::rule_program> p = revdiag::compile_rule(text, {"lead_source"});
        REQUIRE(p.has_value());
        const revdiag::bound_rule bound = revdiag::bind_rule(*p, table);
        int met = 0;
        const unsigned long long before = allocations;
        for (int i = 0; i < 1000; ++i)
            for (size_t row = 0; row < table.rows(); ++row)
                met += revdiag::evaluate(bound, table, row, revdiag::test::sample_as_of()) ==
                       revdiag::outcome::met;
        const unsigned long long after = allocations;
        INFO(text);
        CHECK(after == before);
        CHECK(met > 0);
    }
}

TEST_CASE("the allocation counter sees allocations", "[rules][alloc]") {
    const unsigned long long before = allocations;
    const revdiag::result<revdiag::rule_program> p = revdiag::compile_rule("present(owner)");
    CHECK(allocations > before);
    CHECK(p.has_value());
}
