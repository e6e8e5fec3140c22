using Riposte.Access.Audit;
using Riposte.Access.Tests.Support;
using Riposte.Storage.Access;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

public abstract class AuthenticationTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly AccessHarness _node;
    private readonly UserRecord _alice;

    protected AuthenticationTests(TestProvider provider)
    {
        _node = new(provider: provider);
        _alice = _node.Users.Create(Principal.System, "alice", MemberOrg, Role.Analyst, Password);
    }

    public void Dispose() => _node.Dispose();

    [Fact]
    public void AuthenticateBasic_RightPassword_ReturnsUsersPrincipal()
    {
        var principal = _node.Authenticator.AuthenticateBasic("alice", Password);

        Assert.Equal(new Principal(_alice.Id, MemberOrg, Role.Analyst), principal);
    }

    [Fact]
    public void AuthenticateBasic_WrongPassword_NullAndAudited()
    {
        var principal = _node.Authenticator.AuthenticateBasic("alice", Password + "!");

        Assert.Null(principal);
        var entry = Assert.Single(_node.Audit.Query(new AuditFilter { Action = AuditActions.AuthenticationFailed }));
        Assert.Equal(_alice.Id, entry.UserId);
        Assert.Equal("wrong password", entry.Reason);
    }

    [Fact]
    public void AuthenticateBasic_UnknownUser_Null()
    {
        Assert.Null(_node.Authenticator.AuthenticateBasic("mallory", Password));
    }

    [Fact]
    public void AuthenticateBasic_DisabledUser_Null()
    {
        _node.Users.SetDisabled(Principal.System, _alice.Id, true);

        Assert.Null(_node.Authenticator.AuthenticateBasic("alice", Password));
    }

    [Fact]
    public void AuthenticateBasic_PasswordChanged_OldPasswordRefusedEvenIfCached()
    {
        Assert.NotNull(_node.Authenticator.AuthenticateBasic("alice", Password));

        _node.Users.SetPassword(Principal.System, _alice.Id, "a brand new passphrase");

        Assert.Null(_node.Authenticator.AuthenticateBasic("alice", Password));
        Assert.NotNull(_node.Authenticator.AuthenticateBasic("alice", "a brand new passphrase"));
    }

    [Fact]
    public void AuthenticateToken_ValidToken_ReturnsPrincipalAndRecordsLastUse()
    {
        var created = _node.Tokens.Create(Principal.System, _alice.Id, "taxii client", expires: null);

        var principal = _node.Authenticator.AuthenticateToken(created.Secret);

        Assert.Equal(_alice.Id, principal?.UserId);
        Assert.Equal(_node.Time.Now, _node.Repositories.Tokens.Get(created.Token.Id)!.LastUsed);
    }

    [Fact]
    public void AuthenticateBasic_TokenAsPassword_AcceptedOnlyForItsOwnUser()
    {
        var bob = _node.Users.Create(Principal.System, "bob", PartnerOrg, Role.Partner, password: null);
        var token = _node.Tokens.Create(Principal.System, bob.Id, "feed", expires: null);

        Assert.Equal(bob.Id, _node.Authenticator.AuthenticateBasic("bob", token.Secret)?.UserId);
        Assert.Null(_node.Authenticator.AuthenticateBasic("alice", token.Secret));
        Assert.Null(_node.Authenticator.AuthenticateBasic("bob", "bob has no password"));
    }

    [Fact]
    public void AuthenticateToken_Expired_Null()
    {
        var created = _node.Tokens.Create(Principal.System, _alice.Id, "short", _node.Time.Now.AddHours(1));
        _node.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(_node.Authenticator.AuthenticateToken(created.Secret));
    }

    [Fact]
    public void AuthenticateToken_BeforeExpiry_Accepted()
    {
        var created = _node.Tokens.Create(Principal.System, _alice.Id, "short", _node.Time.Now.AddHours(1));
        _node.Time.Advance(TimeSpan.FromMinutes(59));

        Assert.NotNull(_node.Authenticator.AuthenticateToken(created.Secret));
    }

    [Fact]
    public void AuthenticateToken_Revoked_Null()
    {
        var created = _node.Tokens.Create(Principal.System, _alice.Id, "revoke me", expires: null);
        Assert.NotNull(_node.Authenticator.AuthenticateToken(created.Secret));

        _node.Tokens.Revoke(Principal.System, created.Token.Id);

        Assert.Null(_node.Authenticator.AuthenticateToken(created.Secret));
    }

    [Fact]
    public void AuthenticateToken_UnknownOrAltered_Null()
    {
        var created = _node.Tokens.Create(Principal.System, _alice.Id, "x", expires: null);
        var altered = created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A');

        Assert.Null(_node.Authenticator.AuthenticateToken(altered));
        Assert.Null(_node.Authenticator.AuthenticateToken("not a token"));
    }

    [Fact]
    public void Secrets_AtRest_OnlyHashesInTheDatabase()
    {
        var created = _node.Tokens.Create(Principal.System, _alice.Id, "x", expires: null);

        var text = _node.Database.Dump();

        Assert.DoesNotContain(created.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha256$1000$", _node.Repositories.Users.Get(_alice.Id)!.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenCreate_ForAnotherOrganisationsUser_Refused()
    {
        var outsider = User(PartnerOrg, Role.Admin);

        Assert.Throws<UnauthorizedAccessException>(() => _node.Tokens.Create(outsider, _alice.Id, "steal", expires: null));
    }

    [Fact]
    public void TokenCreate_ByTheUserThemselves_Allowed()
    {
        var self = new Principal(_alice.Id, MemberOrg, Role.Analyst);

        var created = _node.Tokens.Create(self, _alice.Id, "mine", expires: null);

        Assert.Equal(_alice.Id, _node.Authenticator.AuthenticateToken(created.Secret)?.UserId);
    }
}

public sealed class AuthenticationTestsOnSqlite() : AuthenticationTests(TestProvider.Sqlite);

public sealed class AuthenticationTestsOnPostgres() : AuthenticationTests(TestProvider.Postgres);
