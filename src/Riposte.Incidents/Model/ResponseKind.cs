namespace Riposte.Incidents.Model;

/// <summary>What members can do about an incident: a DISARM Blue counter, or one of the mechanism's own actions.</summary>
public static class ResponseKinds
{
    public const string DisarmCounter = "disarm-counter";

    public static readonly IReadOnlyList<string> All =
    [
        DisarmCounter, "joint-statement", "attribution", "sanctions", "platform-referral", "takedown-request",
        "public-exposure", "diplomatic-demarche", "prebunking",
    ];

    public static readonly IReadOnlyList<string> Statuses = ["planned", "in-progress", "completed", "cancelled"];
}
