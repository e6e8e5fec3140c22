using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using Riposte.Taxii.Http;
using Riposte.Taxii.Paging;

namespace Riposte.Taxii.Tests;

public sealed class NextTokenCodecTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static NextTokenCodec Codec(TimeProvider? time = null, string? key = null) =>
        new(Options.Create(new TaxiiOptions { NextTokenKey = key ?? Convert.ToBase64String(new byte[32]) }), time ?? TimeProvider.System);

    [Property]
    public bool Decode_OwnToken_ReturnsTheSequence(long sequence, NonNull<string> scope)
    {
        var codec = Codec();

        return codec.Decode(codec.Encode(scope.Get, sequence), scope.Get) == sequence;
    }

    [Property]
    public void Decode_AnyCharacterChanged_400(PositiveInt position, char replacement)
    {
        var codec = Codec();
        var token = codec.Encode("scope", 12345);
        // The last base64 character also carries unused padding bits, which decoders ignore: leave it out.
        var at = position.Get % (token.Length - 1);
        if (token[at] == replacement)
            return;
        var altered = token[..at] + replacement + token[(at + 1)..];

        var error = Assert.Throws<TaxiiException>(() => codec.Decode(altered, "scope"));

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Decode_OtherScope_400SaysDifferentQuery()
    {
        var codec = Codec();

        var error = Assert.Throws<TaxiiException>(() => codec.Decode(codec.Encode("objects\nc1", 5), "objects\nc2"));

        Assert.Contains("different query", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TokenOfAnotherKey_400SaysSignature()
    {
        var other = Codec(key: Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));

        var error = Assert.Throws<TaxiiException>(() => Codec().Decode(other.Encode("s", 5), "s"));

        Assert.Contains("signature", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_AfterLifetime_400SaysExpired()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        var codec = Codec(clock);
        var token = codec.Encode("s", 5);
        clock.Now += TimeSpan.FromHours(25);

        var error = Assert.Throws<TaxiiException>(() => codec.Decode(token, "s"));

        Assert.Contains("expired", error.Description, StringComparison.Ordinal);
    }
}
