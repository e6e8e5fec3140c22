namespace Riposte.Access.Audit;

/// <summary>The action names written to the audit log. Callers on read paths use the read actions.</summary>
public static class AuditActions
{
    public const string ObjectRead = "object.read";
    public const string ObjectWrite = "object.write";
    public const string CollectionRead = "collection.read";
    public const string CollectionWrite = "collection.write";
    public const string Export = "export";
    public const string AuthenticationFailed = "auth.failed";
    public const string OrganizationChange = "admin.organization";
    public const string UserChange = "admin.user";
    public const string TokenChange = "admin.token";
    public const string CollectionChange = "admin.collection";
    public const string PeerChange = "admin.peer";
}
