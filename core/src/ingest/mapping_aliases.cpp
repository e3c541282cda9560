#include "ingest/mapping_aliases.h"

namespace revdiag {

const std::vector<header_alias>& header_aliases() {
    static const std::vector<header_alias> table = {
        // deal_id
        {"deal_id", "", "id"}, {"deal_id", "", "dealid"}, {"deal_id", "", "recordid"},
        {"deal_id", "", "opportunityid"}, {"deal_id", "salesforce", "id"}, {"deal_id", "salesforce", "opportunityid"},
        {"deal_id", "hubspot", "recordid"}, {"deal_id", "hubspot", "dealid"}, {"deal_id", "hubspot", "hsobjectid"},
        {"deal_id", "pipedrive", "dealid"}, {"deal_id", "zoho", "potentialid"}, {"deal_id", "zoho", "recordid"},
        {"deal_id", "zoho", "dealid"}, {"deal_id", "dynamics", "opportunityid"},
        {"deal_id", "dynamics", "donotmodifyopportunity"}, {"deal_id", "close", "id"},
        {"deal_id", "close", "opportunityid"}, {"deal_id", "freshsales", "id"}, {"deal_id", "freshsales", "dealid"},
        {"deal_id", "maven", "opportunityid"},
        // deal_name
        {"deal_name", "", "dealname"}, {"deal_name", "", "opportunityname"}, {"deal_name", "", "name"},
        {"deal_name", "", "title"}, {"deal_name", "", "deal"}, {"deal_name", "", "opportunity"},
        {"deal_name", "salesforce", "name"}, {"deal_name", "salesforce", "opportunityname"},
        {"deal_name", "hubspot", "dealname"}, {"deal_name", "pipedrive", "dealtitle"}, {"deal_name", "pipedrive", "title"},
        {"deal_name", "zoho", "potentialname"}, {"deal_name", "zoho", "dealname"}, {"deal_name", "dynamics", "topic"},
        {"deal_name", "dynamics", "name"}, {"deal_name", "freshsales", "name"}, {"deal_name", "freshsales", "dealname"},
        // account
        {"account", "", "accountname"}, {"account", "", "account"}, {"account", "", "company"},
        {"account", "", "companyname"}, {"account", "", "organization"}, {"account", "", "organisation"},
        {"account", "", "organizationname"}, {"account", "", "customer"}, {"account", "", "client"},
        {"account", "salesforce", "accountname"}, {"account", "salesforce", "accountid"},
        {"account", "hubspot", "associatedcompany"}, {"account", "hubspot", "companyname"},
        {"account", "pipedrive", "organizationname"}, {"account", "pipedrive", "dealorganization"},
        {"account", "zoho", "accountname"}, {"account", "dynamics", "potentialcustomer"},
        {"account", "dynamics", "account"}, {"account", "close", "leadname"}, {"account", "freshsales", "salesaccount"},
        {"account", "maven", "account"},
        // amount
        {"amount", "", "amount"}, {"amount", "", "value"}, {"amount", "", "dealvalue"}, {"amount", "", "dealamount"},
        {"amount", "", "opportunityamount"}, {"amount", "", "contractvalue"}, {"amount", "", "totalamount"},
        {"amount", "", "closevalue"}, {"amount", "", "estimatedrevenue"}, {"amount", "salesforce", "amount"},
        {"amount", "hubspot", "amount"}, {"amount", "pipedrive", "dealvalue"}, {"amount", "pipedrive", "value"},
        {"amount", "zoho", "amount"}, {"amount", "dynamics", "estrevenue"}, {"amount", "dynamics", "estimatedrevenue"},
        {"amount", "close", "value"}, {"amount", "freshsales", "dealvalue"}, {"amount", "freshsales", "amount"},
        {"amount", "maven", "closevalue"},
        // currency
        {"currency", "", "currency"}, {"currency", "", "amountcurrency"}, {"currency", "", "currencycode"},
        {"currency", "", "dealcurrency"}, {"currency", "salesforce", "currencyisocode"},
        {"currency", "pipedrive", "dealcurrency"}, {"currency", "dynamics", "currency"},
        {"currency", "close", "valuecurrency"}, {"currency", "hubspot", "currency"},
        // stage
        {"stage", "", "stage"}, {"stage", "", "dealstage"}, {"stage", "", "stagename"}, {"stage", "", "pipelinestage"},
        {"stage", "", "opportunitystage"}, {"stage", "", "salesstage"}, {"stage", "salesforce", "stagename"},
        {"stage", "salesforce", "stage"}, {"stage", "hubspot", "dealstage"}, {"stage", "pipedrive", "dealstage"},
        {"stage", "zoho", "stage"}, {"stage", "dynamics", "salesstage"}, {"stage", "dynamics", "pipelinephase"},
        {"stage", "close", "statuslabel"}, {"stage", "freshsales", "dealstage"}, {"stage", "maven", "dealstage"},
        // status
        {"status", "", "status"}, {"status", "", "wonlost"}, {"status", "", "dealstatus"},
        {"status", "", "opportunitystatus"}, {"status", "", "outcome"}, {"status", "", "state"},
        {"status", "", "forecasttype"}, {"status", "", "statustype"}, {"status", "pipedrive", "dealstatus"},
        {"status", "pipedrive", "status"}, {"status", "zoho", "forecasttype"}, {"status", "dynamics", "status"},
        {"status", "close", "statustype"}, {"status", "freshsales", "dealstatus"},
        // owner
        {"owner", "", "owner"}, {"owner", "", "dealowner"}, {"owner", "", "opportunityowner"},
        {"owner", "", "ownername"}, {"owner", "", "salesrep"}, {"owner", "", "assignedto"}, {"owner", "", "rep"},
        {"owner", "", "salesperson"}, {"owner", "", "accountexecutive"}, {"owner", "", "salesagent"},
        {"owner", "", "salesowner"}, {"owner", "salesforce", "opportunityowner"}, {"owner", "salesforce", "ownerid"},
        {"owner", "salesforce", "ownerfullname"}, {"owner", "hubspot", "dealowner"}, {"owner", "hubspot", "hubspotowner"},
        {"owner", "pipedrive", "dealowner"}, {"owner", "pipedrive", "owner"}, {"owner", "zoho", "potentialowner"},
        {"owner", "zoho", "dealowner"}, {"owner", "dynamics", "owner"}, {"owner", "close", "username"},
        {"owner", "close", "user"}, {"owner", "freshsales", "salesowner"}, {"owner", "maven", "salesagent"},
        // created_date
        {"created_date", "", "createddate"}, {"created_date", "", "createdate"}, {"created_date", "", "created"},
        {"created_date", "", "createdon"}, {"created_date", "", "createdat"}, {"created_date", "", "datecreated"},
        {"created_date", "", "creationdate"}, {"created_date", "", "opendate"}, {"created_date", "", "dealcreated"},
        {"created_date", "salesforce", "createddate"}, {"created_date", "hubspot", "createdate"},
        {"created_date", "pipedrive", "dealcreated"}, {"created_date", "pipedrive", "addtime"},
        {"created_date", "zoho", "createdtime"}, {"created_date", "dynamics", "createdon"},
        {"created_date", "close", "datecreated"}, {"created_date", "freshsales", "createdat"},
        {"created_date", "maven", "engagedate"},
        // close_date
        {"close_date", "", "closedate"}, {"close_date", "", "expectedclosedate"}, {"close_date", "", "closingdate"},
        {"close_date", "", "expectedclose"}, {"close_date", "", "estclosedate"}, {"close_date", "", "closeddate"},
        {"close_date", "", "actualclosedate"}, {"close_date", "", "dealclosedon"}, {"close_date", "", "wontime"},
        {"close_date", "salesforce", "closedate"}, {"close_date", "hubspot", "closedate"},
        {"close_date", "pipedrive", "expectedclosedate"}, {"close_date", "zoho", "closingdate"},
        {"close_date", "dynamics", "estclosedate"}, {"close_date", "close", "datewon"},
        {"close_date", "freshsales", "expectedclosedate"}, {"close_date", "maven", "closedate"},
        // stage_entered_date
        {"stage_entered_date", "", "stageentered"}, {"stage_entered_date", "", "stageentereddate"},
        {"stage_entered_date", "", "laststagechange"}, {"stage_entered_date", "", "laststagechangedate"},
        {"stage_entered_date", "", "stagechangedate"}, {"stage_entered_date", "", "stagechangedon"},
        {"stage_entered_date", "", "dateenteredcurrentstage"}, {"stage_entered_date", "", "stageupdatedat"},
        {"stage_entered_date", "pipedrive", "laststagechange"}, {"stage_entered_date", "pipedrive", "stagechangetime"},
        {"stage_entered_date", "freshsales", "stageupdatedtime"},
        // last_activity_date
        {"last_activity_date", "", "lastactivity"}, {"last_activity_date", "", "lastactivitydate"},
        {"last_activity_date", "", "lastactivitytime"}, {"last_activity_date", "", "lastactivityon"},
        {"last_activity_date", "salesforce", "lastactivitydate"}, {"last_activity_date", "hubspot", "lastactivitydate"},
        {"last_activity_date", "pipedrive", "lastactivitydate"}, {"last_activity_date", "zoho", "lastactivitytime"},
        {"last_activity_date", "freshsales", "lastactivitydate"},
        // last_buyer_activity_date
        {"last_buyer_activity_date", "", "lastbuyeractivity"}, {"last_buyer_activity_date", "", "lastbuyeractivitydate"},
        {"last_buyer_activity_date", "", "lastengagementdate"}, {"last_buyer_activity_date", "", "lastengagement"},
        {"last_buyer_activity_date", "", "lastcustomeractivity"}, {"last_buyer_activity_date", "", "lastbuyerengagement"},
        {"last_buyer_activity_date", "hubspot", "lastengagementdate"},
        // last_buyer_response_date
        {"last_buyer_response_date", "", "lastreplydate"}, {"last_buyer_response_date", "", "lastresponsedate"},
        {"last_buyer_response_date", "", "lastreply"}, {"last_buyer_response_date", "", "lastresponse"},
        {"last_buyer_response_date", "", "lastbuyerresponse"}, {"last_buyer_response_date", "", "lastbuyerresponsedate"},
        {"last_buyer_response_date", "", "lastemailreplydate"}, {"last_buyer_response_date", "", "lastreplied"},
        // next_step
        {"next_step", "", "nextstep"}, {"next_step", "", "nextsteps"}, {"next_step", "", "nextaction"},
        {"next_step", "salesforce", "nextstep"}, {"next_step", "hubspot", "nextstep"},
        {"next_step", "pipedrive", "nextactivitysubject"},
        // next_step_date
        {"next_step_date", "", "nextstepdate"}, {"next_step_date", "", "nextactivitydate"},
        {"next_step_date", "", "nextactiondate"}, {"next_step_date", "", "nextfollowupdate"},
        {"next_step_date", "hubspot", "nextactivitydate"}, {"next_step_date", "pipedrive", "nextactivitydate"},
        // problem_confirmed
        {"problem_confirmed", "", "problemconfirmed"}, {"problem_confirmed", "", "painidentified"},
        {"problem_confirmed", "", "painconfirmed"}, {"problem_confirmed", "", "needidentified"},
        {"problem_confirmed", "", "businessproblemconfirmed"},
        // budget_confirmed
        {"budget_confirmed", "", "budgetconfirmed"}, {"budget_confirmed", "", "budget"},
        {"budget_confirmed", "", "budgetapproved"}, {"budget_confirmed", "", "budgetidentified"},
        {"budget_confirmed", "", "hasbudget"}, {"budget_confirmed", "", "budgetaccessconfirmed"},
        // decision_date
        {"decision_date", "", "decisiondate"}, {"decision_date", "", "decisiontimeline"},
        {"decision_date", "", "decisiontimeframe"}, {"decision_date", "", "expecteddecisiondate"},
        // decision_maker
        {"decision_maker", "", "decisionmaker"}, {"decision_maker", "", "economicbuyer"},
        {"decision_maker", "", "decisionmakername"}, {"decision_maker", "", "decisionmakeridentified"},
        // proposal_sent_date
        {"proposal_sent_date", "", "proposalsent"}, {"proposal_sent_date", "", "proposalsentdate"},
        {"proposal_sent_date", "", "quotesent"}, {"proposal_sent_date", "", "quotesentdate"},
        {"proposal_sent_date", "", "proposaldate"}, {"proposal_sent_date", "", "datequotesent"},
        // last_follow_up_date
        {"last_follow_up_date", "", "lastfollowup"}, {"last_follow_up_date", "", "lastfollowupdate"},
        {"last_follow_up_date", "", "lastemailsent"}, {"last_follow_up_date", "", "lastemailsentdate"},
        {"last_follow_up_date", "", "lastoutreach"}, {"last_follow_up_date", "", "lastoutreachdate"},
        {"last_follow_up_date", "hubspot", "lastcontacted"},
        // probability
        {"probability", "", "probability"}, {"probability", "", "dealprobability"},
        {"probability", "", "winprobability"}, {"probability", "", "probabilitypercent"},
        {"probability", "", "closeprobability"}, {"probability", "close", "confidence"},
        {"probability", "salesforce", "probability"}, {"probability", "zoho", "probability"},
        {"probability", "dynamics", "probability"}, {"probability", "pipedrive", "dealprobability"},
        // snoozed_until
        {"snoozed_until", "", "snoozeduntil"}, {"snoozed_until", "", "snoozeuntil"}, {"snoozed_until", "", "resumedate"},
        {"snoozed_until", "", "onholduntil"}, {"snoozed_until", "", "reengagedate"},
    };
    return table;
}

const std::vector<crm_signature>& crm_signatures() {
    static const std::vector<crm_signature> table = {
        {"salesforce", {"stagename", "isclosed", "iswon", "forecastcategory", "forecastcategoryname", "accountid",
                        "ownerid", "opportunityname", "opportunityowner", "fiscalquarter", "systemmodstamp"}},
        {"hubspot", {"dealstage", "pipeline", "dealowner", "createdate", "recordid", "associatedcompany",
                     "associatedcompanydomain", "associatedcontactemail", "hubspotowner", "closedlostreason",
                     "dealtype"}},
        {"pipedrive", {"dealtitle", "dealvalue", "dealorganization", "dealowner", "dealstage", "dealcreated",
                       "dealcontactperson", "dealpipeline", "dealexpectedclosedate"}},
        {"zoho", {"potentialname", "potentialowner", "closingdate", "createdtime", "forecasttype", "expectedrevenue",
                  "leadid"}},
        {"dynamics", {"topic", "estrevenue", "estclosedate", "potentialcustomer", "statusreason", "salesstage",
                      "createdon", "actualrevenue", "actualclosedate", "purchasetimeframe", "purchaseprocess"}},
        {"close", {"statustype", "statuslabel", "leadname", "username", "valueperiod", "valuecurrency", "datewon",
                   "datecreated", "valueformatted", "confidence", "leadid"}},
        {"freshsales", {"salesowner", "dealpipeline", "salesaccount", "expectedclosedate", "createdat",
                        "dealvalueinbasecurrency", "closedate", "lostreason"}},
        {"maven", {"opportunityid", "salesagent", "dealstage", "engagedate", "closevalue"}},
    };
    return table;
}

}  // namespace revdiag
