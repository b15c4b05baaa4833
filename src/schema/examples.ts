// The queries GraphiQL opens with: real questions about the seed article, one operation each.
export const EXAMPLE_QUERIES = `# Questions the graph of the source article answers. Pick an operation with the ▶ button.

# Who attended the farewell ceremony, and what does the article say?
query FarewellCeremony {
  event(key: "c27a19544a1cdf98/event:farewell-ceremony") {
    label
    time { start precision original }
    location { label(lang: "id") }
    participants { role entity { label } }
    reportedBy { entity { label } cue }
    evidence { quote }
  }
}

# What would North Korea get in return, according to whom?
query InReturn {
  claims(filter: { kinds: [ArmsDeal], participant: "country:north-korea", role: SUPPLIER }) {
    totalCount
    edges {
      node {
        summary
        status
        hedge
        ... on ArmsDeal { inReturn { label } }
        attributedTo { entity { label } cue }
        evidence { quote start end }
      }
    }
  }
}

# Which claims does the South Korean president condemn or dispute, and on what grounds?
query YoonCondemns {
  entity(key: "person:yoon-suk-yeol") {
    label
    assertedClaims {
      edges {
        cue
        node {
          summary
          condemns { summary status }
          disputes { summary status }
          cites { summary }
          evidence { inContext(chars: 40) { before quote after } }
        }
      }
    }
  }
}

# How is Yoon Suk-yeol connected to Vladimir Putin?
query YoonToPutin {
  paths(from: "person:yoon-suk-yeol", to: "person:vladimir-putin", maxHops: 4) {
    length
    steps { from { type label } relation role forward to { type label } }
  }
}

# Find an entity by any of its names, in either language.
query SearchKoreaUtara {
  search(query: "korea utara") {
    edges { score matchedName node { key label labels { lang text } } }
  }
}

# How many claims of each kind and status involve Russia, and in which roles? (facets)
query RussiaFacets {
  entity(key: "country:russia") {
    claims {
      totalCount
      facets {
        kinds { value count }
        statuses { value count }
        roles { value count }
      }
    }
  }
}

# The latest events first: on one day, dates known to the day before those known to the month.
query NewestEvents {
  events(orderBy: NEWEST, first: 4) {
    edges { node { label time { start precision } } }
  }
}

# Where does the article speak of a song ("lagu")? The quotes, with their offsets.
query SearchQuote {
  searchAll(query: "lagu", in: [EVIDENCE]) {
    totalCount
    edges {
      score
      matched { field lang highlights { start end } }
      quote { quote start end paragraph { index } }
    }
  }
}

# Which event kinds, claim statuses and roles does the graph hold, and how often?
query Vocabulary {
  vocabulary {
    eventKinds { value count }
    claimStatuses { value count }
  }
}

# The visit as a timeline.
query Timeline {
  timeline(entity: "person:kim-jong-un", from: "2023-09") {
    edges {
      node {
        date { start precision original }
        item {
          __typename
          ... on Event { label eventStatus: status }
          ... on Claim { summary claimStatus: status }
        }
      }
    }
  }
}
`;
