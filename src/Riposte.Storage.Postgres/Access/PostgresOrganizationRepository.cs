using Npgsql;
using Riposte.Storage.Access;
using static Riposte.Storage.Postgres.Schema.PostgresCommands;

namespace Riposte.Storage.Postgres.Access;

public sealed class PostgresOrganizationRepository(NpgsqlDataSource source) : IOrganizationRepository
{
    private const string Columns = "id, name, tier, created";

    public bool Add(OrganizationRecord organization)
    {
        using var connection = source.OpenConnection();
        return Execute(connection, "INSERT INTO access_organization (id, name, tier, created) VALUES (@id, @name, @tier, @created) ON CONFLICT DO NOTHING",
            ("id", organization.Id), ("name", organization.Name), ("tier", TrustTiers.ToText(organization.Tier)),
            ("created", FormatTime(organization.Created))) == 1;
    }

    public bool Update(OrganizationRecord organization)
    {
        using var connection = source.OpenConnection();
        return Execute(connection, "UPDATE access_organization SET name = @name, tier = @tier WHERE id = @id",
            ("id", organization.Id), ("name", organization.Name), ("tier", TrustTiers.ToText(organization.Tier))) == 1;
    }

    public OrganizationRecord? Get(string id)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_organization WHERE id = @id", Map, ("id", id)).FirstOrDefault();
    }

    public IReadOnlyList<OrganizationRecord> List()
    {
        using var connection = source.OpenConnection();
        // COLLATE "C": the same byte order as SQLite's, whatever the database's locale.
        return Query(connection, $"SELECT {Columns} FROM access_organization ORDER BY name COLLATE \"C\", id COLLATE \"C\"", Map);
    }

    public void AddClient(string providerId, string clientId)
    {
        using var connection = source.OpenConnection();
        Execute(connection, "INSERT INTO access_org_client (provider_id, client_id) VALUES (@p, @c) ON CONFLICT DO NOTHING", ("p", providerId), ("c", clientId));
    }

    public bool RemoveClient(string providerId, string clientId)
    {
        using var connection = source.OpenConnection();
        return Execute(connection, "DELETE FROM access_org_client WHERE provider_id = @p AND client_id = @c", ("p", providerId), ("c", clientId)) == 1;
    }

    public IReadOnlyList<(string ProviderId, string ClientId)> ListClients()
    {
        using var connection = source.OpenConnection();
        return Query(connection, "SELECT provider_id, client_id FROM access_org_client", r => (r.GetString(0), r.GetString(1)));
    }

    public void AddToGroup(string group, string organizationId)
    {
        using var connection = source.OpenConnection();
        Execute(connection, "INSERT INTO access_group_member (group_name, organization_id) VALUES (@g, @o) ON CONFLICT DO NOTHING", ("g", group), ("o", organizationId));
    }

    public bool RemoveFromGroup(string group, string organizationId)
    {
        using var connection = source.OpenConnection();
        return Execute(connection, "DELETE FROM access_group_member WHERE group_name = @g AND organization_id = @o", ("g", group), ("o", organizationId)) == 1;
    }

    public IReadOnlyList<(string Group, string OrganizationId)> ListGroupMembers()
    {
        using var connection = source.OpenConnection();
        return Query(connection, "SELECT group_name, organization_id FROM access_group_member", r => (r.GetString(0), r.GetString(1)));
    }

    private static OrganizationRecord Map(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), TrustTiers.Parse(r.GetString(2)), ParseTime(r.GetString(3)));
}
