# The engine counts days, never local time: the CLI's audit, inspect and
# simulator reports of the golden, real and simulator fixtures are the same bytes
# under UTC, America/Los_Angeles, Asia/Tokyo and Pacific/Kiritimati (UTC-8 to
# UTC+14, across the date line), and so are the sample, the diagnostic and an
# audit as of "today", which the engine takes in UTC.
set(zones UTC America/Los_Angeles Asia/Tokyo Pacific/Kiritimati)
foreach(zone ${zones})
  if(NOT zone STREQUAL "UTC" AND NOT EXISTS /usr/share/zoneinfo/${zone})
    message(FATAL_ERROR "no time zone data for ${zone} (install tzdata): the check would compare UTC with itself")
  endif()
endforeach()
file(GLOB golden ${ROOT}/tests/fixtures/golden/*.csv ${ROOT}/tests/fixtures/real/*.csv)
file(GLOB simulated ${ROOT}/tests/fixtures/simulate/*.csv)
set(runs "")
foreach(f ${golden})
  list(APPEND runs "audit|${f}|--as-of|2026-06-30|--format|json" "inspect|${f}|--rows|--format|json")
endforeach()
foreach(f ${simulated})
  list(APPEND runs "simulate|${f}|--as-of|2026-06-30|--trials|200|--format|json")
endforeach()
list(APPEND runs "audit|--sample|saas_midmarket|--as-of|2026-06-30|--format|json")
# "Today" without --as-of is the engine's UTC day, the same in every zone; the
# text report, the sample generator and the diagnostic too.
set(fixtures ${ROOT}/tests/fixtures)
list(APPEND runs "audit|${fixtures}/real/hubspot-deals.csv|--format|json"
                 "audit|${fixtures}/real/salesforce-opportunity.csv|--as-of|2024-01-22|--format|text"
                 "sample|--crm|dynamics|--deals|40|--seed|9"
                 "diagnose|${fixtures}/diagnostic/mixed.answers.json|--format|json")
set(count 0)
foreach(run ${runs})
  string(REPLACE "|" ";" args "${run}")
  unset(first)
  foreach(zone ${zones})
    execute_process(COMMAND ${CMAKE_COMMAND} -E env TZ=${zone} ${CLI} ${args}
                    OUTPUT_VARIABLE out RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0 OR out STREQUAL "")
      message(FATAL_ERROR "revdiag ${args} under TZ=${zone} exited ${rc}")
    endif()
    if(NOT DEFINED first)
      set(first "${out}")
    elseif(NOT out STREQUAL first)
      message(FATAL_ERROR "revdiag ${args} writes other bytes under TZ=${zone} than under UTC")
    endif()
  endforeach()
  math(EXPR count "${count}+1")
endforeach()
message(STATUS "${count} reports, the same bytes in ${zones}")
