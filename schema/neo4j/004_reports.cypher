// Each article's account of an event or claim is a Report, found by its article-scoped key; the
// statement it reports is found from it, whichever report gave the statement its own key.
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
// References between reports by key (part of, about, claim links), found from the key they point
// at when that report arrives, possibly long after the reference.
CREATE INDEX reference_to IF NOT EXISTS FOR (n:Reference) ON (n.to);
// The filters on corroboration: at least N sources, contested, denied.
CREATE INDEX event_source_count IF NOT EXISTS FOR (n:Event) ON (n.sourceCount);
CREATE INDEX claim_source_count IF NOT EXISTS FOR (n:Claim) ON (n.sourceCount);
CREATE INDEX claim_denied IF NOT EXISTS FOR (n:Claim) ON (n.denied);
CREATE INDEX claim_contested IF NOT EXISTS FOR (n:Claim) ON (n.contested);
CREATE INDEX event_contested IF NOT EXISTS FOR (n:Event) ON (n.contested);
