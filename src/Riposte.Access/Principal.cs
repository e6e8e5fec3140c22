namespace Riposte.Access;

public enum Role
{
    Reader,
    Partner,
    Analyst,
    Admin,
}

/// <summary>Who is asking: a user acting for one organisation, or the node itself (<see cref="System"/>).</summary>
/// <param name="UserId">The user's id (or "system").</param>
/// <param name="OrganizationId">The STIX identity id of the user's organisation.</param>
public sealed record Principal(string UserId, string OrganizationId, Role Role)
{
    /// <summary>The node acting on its own behalf (imports from the command line, start-up loading).</summary>
    public static readonly Principal System = new("system", "system", Role.Admin);

    public bool IsSystem => ReferenceEquals(this, System) || UserId == "system";
}
