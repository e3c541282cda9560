# The CLI writes the same bytes in every time zone: each command below runs
# under TZ=UTC, America/Los_Angeles, Asia/Tokyo and Pacific/Kiritimati (UTC+14,
# a calendar day ahead of Los Angeles for 22 hours of every day), and every
# output must equal the UTC one. `audit` without --as-of audits as of today,
# which the engine takes in UTC.
set(fixtures ${ROOT}/tests/fixtures)
set(commands
  "audit|${fixtures}/real/hubspot-deals.csv|--format|json"
  "audit|${fixtures}/real/salesforce-opportunity.csv|--as-of|2024-01-22|--format|text"
  "audit|--sample|saas_midmarket|--format|json"
  "simulate|${fixtures}/real/zoho-potentials.csv|--as-of|2021-04-15|--trials|300|--seed|5|--format|json"
  "sample|--crm|dynamics|--deals|40|--seed|9"
  "diagnose|${fixtures}/diagnostic/mixed.answers.json|--format|json")
set(zones UTC America/Los_Angeles Asia/Tokyo Pacific/Kiritimati)
# Without the zone files every TZ silently means UTC and the check proves nothing.
foreach(zone ${zones})
  if(NOT zone STREQUAL "UTC" AND NOT EXISTS /usr/share/zoneinfo/${zone})
    message(FATAL_ERROR "No /usr/share/zoneinfo/${zone}: install tzdata (scripts/setup does).")
  endif()
endforeach()
set(n 0)
foreach(command ${commands})
  string(REPLACE "|" ";" args "${command}")
  set(first "")
  foreach(zone ${zones})
    execute_process(COMMAND ${CMAKE_COMMAND} -E env TZ=${zone} ${CLI} ${args}
                    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "revdiag ${args} under TZ=${zone} failed (${rc}): ${err}")
    endif()
    if(zone STREQUAL "UTC")
      set(first "${out}")
    elseif(NOT out STREQUAL first)
      message(FATAL_ERROR "revdiag ${args} writes other bytes under TZ=${zone} than under UTC")
    endif()
  endforeach()
  math(EXPR n "${n}+1")
endforeach()
message(STATUS "${n} commands write the same bytes in ${zones}")
