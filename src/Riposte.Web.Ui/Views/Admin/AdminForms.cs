using System.Globalization;
using Riposte.Access;
using Riposte.Stix.Markings;
using Riposte.Storage.Access;

namespace Riposte.Web.Ui.Views.Admin;

// The admin forms as posted: text only, read and checked here so every field's problem is said at once.

public sealed class OrganizationForm
{
    public string? Name { get; set; }
    public string? Tier { get; set; }

    /// <summary>An existing STIX identity to register (create only); empty: a new identity is made.</summary>
    public string? IdentityId { get; set; }
}

/// <summary>One value added to an organisation: a client's identity id or a group name.</summary>
public sealed class LinkForm
{
    public string? Value { get; set; }
}

public sealed class UserForm
{
    public string? Name { get; set; }
    public string? OrganizationId { get; set; }
    public string? Role { get; set; }
    public string? Password { get; set; }
    public string? Confirm { get; set; }
}

public sealed class TokenForm
{
    public string? Name { get; set; } = "api";

    /// <summary>Days until expiry, as <c>riposte token create --days</c>: default 90, 0 = never.</summary>
    public string? Days { get; set; } = "90";
}

public sealed class CollectionForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Id { get; set; }
}

public sealed class GrantForm
{
    /// <summary><c>organization:identity--…</c> or <c>group:name</c>.</summary>
    public string? Grantee { get; set; }
    public bool Read { get; set; }
    public bool Write { get; set; }
}

public sealed class PeerForm
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public string? OrganizationId { get; set; }
    public string? Token { get; set; }
    public string? OutMax { get; set; } = "amber";
    public string? InMax { get; set; } = "amber";
    public bool Push { get; set; }
}

/// <summary>Reading the forms' words into the services' types, with the message for each field that cannot be read.</summary>
public static class AdminInput
{
    public static IReadOnlyList<(string Value, string Text)> Tiers { get; } =
        [("member", "member"), ("partner", "partner"), ("outreach", "outreach")];

    public static IReadOnlyList<(string Value, string Text)> Roles { get; } =
        [("reader", "reader"), ("partner", "partner"), ("analyst", "analyst"), ("admin", "admin")];

    public static IReadOnlyList<(string Value, string Text)> Levels { get; } =
        [.. Enum.GetValues<TlpLevel>().Select(l => (TlpMarkings.Tlp2Value(l), "TLP:" + TlpMarkings.Tlp2Value(l).ToUpperInvariant()))];

    public static string TierName(TrustTier tier) => tier.ToString().ToLowerInvariant();

    public static TrustTier? Tier(string? text, Action<string> error)
    {
        if (Enum.TryParse<TrustTier>(text?.Trim(), ignoreCase: true, out var tier) && Enum.IsDefined(tier) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
            return tier;
        error(string.IsNullOrWhiteSpace(text) ? "is required: member, partner or outreach" : $"'{text}' is not a tier (member, partner or outreach)");
        return null;
    }

    public static Role? Role(string? text, Action<string> error)
    {
        if (RoleNames.TryParse(text?.Trim(), out var role))
            return role;
        error(string.IsNullOrWhiteSpace(text) ? "is required: reader, partner, analyst or admin" : $"'{text}' is not a role (reader, partner, analyst or admin)");
        return null;
    }

    public static TlpLevel? Level(string? text, Action<string> error)
    {
        if (TlpMarkings.FromTlp2Value(text?.Trim()) is { } level)
            return level;
        error($"'{text}' is not a TLP level (clear, green, amber, amber+strict, red)");
        return null;
    }

    /// <summary>A new password and its confirmation, by the rules <see cref="UserService"/> applies (it checks again).</summary>
    public static string? Password(string? password, string? confirm, bool required, Action<string> passwordError, Action<string> confirmError)
    {
        if (string.IsNullOrEmpty(password))
        {
            if (required)
                passwordError($"is required (at least {UserService.MinimumPasswordLength} characters)");
            return null;
        }
        if (password.Length < UserService.MinimumPasswordLength)
            passwordError($"a password needs at least {UserService.MinimumPasswordLength} characters");
        if (!string.Equals(password, confirm, StringComparison.Ordinal))
            confirmError("does not match the password");
        return password;
    }

    /// <summary>Days until a token expires: 0 = never, default 90 (as the command line).</summary>
    public static DateTimeOffset? Expiry(string? days, DateTimeOffset now, Action<string> error)
    {
        if (string.IsNullOrWhiteSpace(days))
            return now.AddDays(90);
        if (int.TryParse(days.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 36_500)
            return value == 0 ? null : now.AddDays(value);
        error($"'{days}' is not a number of days (0 = never expires, at most 36500)");
        return null;
    }

    /// <summary>Reads <c>organization:identity--…</c> or <c>group:name</c>.</summary>
    public static (GranteeKind Kind, string Grantee)? Grantee(string? text, Action<string> error)
    {
        var (kind, value) = text?.Split(':', 2) is [var k, var v] ? (k, v) : ("", "");
        if (kind == "organization" && value.Length > 0)
            return (GranteeKind.Organization, value);
        if (kind == "group" && value.Length > 0)
            return (GranteeKind.Group, value);
        error(string.IsNullOrWhiteSpace(text) ? "is required: choose an organisation or a group" : $"'{text}' is not an organisation or a group");
        return null;
    }
}
