using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Access.Credentials;

namespace Riposte.Access.Tests;

public sealed class PasswordHasherTests
{
    [Property(MaxTest = 50)]
    public bool Verify_HashOfSamePassword_True(NonNull<string> password) =>
        PasswordHasher.Verify(password.Get, PasswordHasher.Hash(password.Get, 1_000));

    [Property(MaxTest = 50)]
    public Property Verify_DifferentPassword_False(NonNull<string> password, NonNull<string> other) =>
        Prop.When(password.Get != other.Get, () => !PasswordHasher.Verify(other.Get, PasswordHasher.Hash(password.Get, 1_000)));

    [Fact]
    public void Hash_SamePasswordTwice_DifferentSalts()
    {
        var first = PasswordHasher.Hash("same password", 1_000);
        var second = PasswordHasher.Hash("same password", 1_000);

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2-sha256$1000$notbase64!$AAAA")]
    [InlineData("pbkdf2-sha256$zero$AAAA$AAAA")]
    [InlineData("md5$1$AAAA$AAAA")]
    public void Verify_MalformedStoredHash_False(string stored)
    {
        Assert.False(PasswordHasher.Verify("anything", stored));
    }

    [Fact]
    public void TokenSecret_New_HasPrefixAnd32RandomBytes()
    {
        var secret = TokenSecrets.NewSecret();

        Assert.True(TokenSecrets.LooksLikeToken(secret));
        Assert.NotEqual(secret, TokenSecrets.NewSecret());
        Assert.Equal(64, TokenSecrets.HashOf(secret).Length);
    }
}
