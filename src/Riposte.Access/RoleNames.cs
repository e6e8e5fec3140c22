namespace Riposte.Access;

/// <summary>The stored (lower-case) names of roles.</summary>
public static class RoleNames
{
    public static string Of(Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Analyst => "analyst",
        Role.Partner => "partner",
        Role.Reader => "reader",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    public static Role Parse(string text) => TryParse(text, out var role)
        ? role
        : throw new FormatException($"'{text}' is not a role (admin, analyst, partner, reader)");

    public static bool TryParse(string? text, out Role role)
    {
        (var ok, role) = text switch
        {
            "admin" => (true, Role.Admin),
            "analyst" => (true, Role.Analyst),
            "partner" => (true, Role.Partner),
            "reader" => (true, Role.Reader),
            _ => (false, Role.Reader),
        };
        return ok;
    }
}
