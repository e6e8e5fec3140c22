using Riposte.Access;
using Riposte.Storage.Access;

namespace Riposte.Cli.Seeding;

/// <summary>
/// The invented world the seeded data lives in: countries, the mechanism's members and partners, the
/// actors behind the campaigns, their narratives, the platforms and the elections of a year. Every
/// name is fictional; the catalogue is fixed so a seed always produces the same data.
/// </summary>
internal static class DemoWorld
{
    public sealed record Country(string Name, string Region, string Language);

    public sealed record Organisation(string Name, TrustTier Tier, string Sector);

    public sealed record Actor(string Name, string Type, string Sponsor, string Tlp);

    public sealed record Platform(string Name, string HandlePrefix, int Channels);

    public static readonly Country[] Countries =
    [
        new("Nordvale", "northern-europe", "nv"), new("Estmark", "northern-europe", "et"), new("Valoria", "southern-europe", "it"),
        new("Caranthia", "central-europe", "de"), new("Lusmere", "western-europe", "fr"), new("Brevonia", "eastern-europe", "pl"),
        new("Ardenne Isles", "western-europe", "en"), new("Moravel", "southern-europe", "es"), new("Sarkovia", "eastern-europe", "ro"),
        new("Helvmark", "central-europe", "de"),
    ];

    public static readonly Organisation[] Members =
    [
        new("Nordvale Ministry of Foreign Affairs", TrustTier.Member, "government-national"),
        new("Estmark Government Office", TrustTier.Member, "government-national"),
        new("Valoria Ministry of Foreign Affairs", TrustTier.Member, "government-national"),
        new("Caranthia Federal Foreign Office", TrustTier.Member, "government-national"),
        new("Lusmere Agency for Information Resilience", TrustTier.Member, "government-national"),
        new("Brevonia Chancellery", TrustTier.Member, "government-national"),
        new("Ardenne Isles Cabinet Office", TrustTier.Member, "government-national"),
    ];

    public static readonly Organisation[] Partners =
    [
        new("Open Ledger Research Lab", TrustTier.Partner, "education"),
        new("Civic Signal Foundation", TrustTier.Partner, "non-profit"),
        new("Northlight Fact-Check Network", TrustTier.Partner, "communications"),
        new("Vantage Platform Integrity Team", TrustTier.Partner, "technology"),
    ];

    // Each actor's marking decides who may name it: CLEAR ones have been publicly attributed.
    public static readonly Actor[] ThreatActors =
    [
        new("Grey Heron Directorate", "nation-state", "State A", "clear"),
        new("Ninth Bureau Information Service", "nation-state", "State A", "green"),
        new("Amber Fox Media Group", "sensationalist", "State B", "clear"),
        new("Tidewater Consultancy", "spy", "State B", "amber"),
        new("Crimson Lantern Collective", "activist", "State C", "green"),
        new("Harbour Light Agency", "nation-state", "State C", "amber+strict"),
        new("Blue Kestrel Unit", "nation-state", "State A", "red"),
    ];

    public static readonly Actor[] IntrusionSets =
    [
        new("Doppelmirror", "impersonation", "State A", "clear"),
        new("Paperstorm", "astroturfing", "State A", "clear"),
        new("Silent Choir", "amplification", "State B", "green"),
        new("Glass Orchard", "hack-and-leak", "State B", "amber"),
        new("Cold Ember", "harassment", "State C", "green"),
        new("Lantern Drift", "astroturfing", "State C", "amber"),
        new("Quiet Meridian", "diaspora-pressure", "State A", "amber+strict"),
        new("Hollow Crown", "impersonation", "State B", "red"),
    ];

    public static readonly Platform[] Platforms =
    [
        new("telegram", "t.me/", 28), new("x", "@", 36), new("facebook", "fb/", 24), new("tiktok", "@tt_", 20),
        new("youtube", "yt/", 14), new("vk", "vk/", 12), new("website", "www.", 22), new("instagram", "@ig_", 10),
    ];

    /// <summary>What campaigns claim; {0} is a target country.</summary>
    public static readonly string[] NarrativeTemplates =
    [
        "{0} is on the brink of economic collapse", "Elections in {0} are rigged", "{0} government hides a health crisis",
        "Refugees bring crime to {0}", "{0} will be dragged into war", "Sanctions hurt {0} more than anyone",
        "{0} media are controlled by foreign powers", "The energy crisis in {0} was planned", "{0} prepares to abandon its allies",
        "Minorities in {0} are persecuted", "{0} officials are corrupt puppets", "Vaccines in {0} are unsafe",
    ];

    public static readonly string[] Sectors =
    [
        "government-national", "government-regional", "elections", "defense", "energy", "healthcare", "communications",
        "non-profit", "education", "financial-services",
    ];

    public static readonly string[] ElectionKinds = ["parliamentary election", "presidential election", "regional elections", "referendum"];

    public static readonly string[] OtherEvents = ["energy summit", "alliance summit", "national day", "peace conference"];

    public static readonly string[] Outcomes =
    [
        "content removed by the platform", "network taken down", "narrative debunked in national media",
        "joint statement issued by members", "sanctions adopted against the operators", "no measurable effect",
        "reach of the narrative dropped", "accounts suspended",
    ];

    public static readonly string[] Impacts = ["low", "moderate", "significant", "severe"];
}
