using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Federation.Loopback;
using Riposte.Federation.Stream;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

/// <summary>The stream's wire format: cursors, heartbeats and event data, and what a bad event says.</summary>
public sealed class StreamFormatTests
{
    [Property(MaxTest = 200)]
    public Property StreamCursor_AnyPosition_RoundTripsThroughItsText(NonNegativeInt sequence, NonNegativeInt tombstone)
    {
        var cursor = new StreamCursor(sequence.Get, tombstone.Get);
        return (StreamCursor.TryParse(cursor.ToString(), out var parsed) && parsed == cursor).ToProperty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Heartbeat_FormatThenParse_RoundTrips(bool more)
    {
        var beat = new Heartbeat(new StreamCursor(42, 7), new DateTimeOffset(2026, 11, 29, 12, 0, 0, 123, TimeSpan.Zero), more);

        var parsed = Heartbeat.TryParse(beat.Format(), out var read);

        Assert.True(parsed);
        Assert.Equal(beat, read);
    }

    [Theory]
    [InlineData("keep-alive")]
    [InlineData("heartbeat")]
    [InlineData("heartbeat 12")]
    public void Heartbeat_OtherComment_IsNotAHeartbeat(string comment) =>
        Assert.False(Heartbeat.TryParse(comment, out _));

    [Fact]
    public void FeedEventJson_WriteThenRead_KeepsTheObjectsBytes()
    {
        // Arrange: an object read from bytes, with text the default JSON encoder would escape.
        var bytes = Objects.Campaign("identity--2c4f8e7a-61c1-4b3e-9a57-0d6f1b2c3d4e", TlpLevel.Green, "Chișinău « mirror »").ToUtf8Json().ToArray();
        var obj = StixObject.Parse(bytes);
        var sent = new FeedEvent(FeedEventKind.Created, new StreamCursor(3, 1), new StixObject(obj.Json, bytes), ["c1"], "node--a", ["node--a"], null, "2026-11-29T12:00:00.5Z");

        // Act
        var received = FeedEventJson.Read("created", "3-1", FeedEventJson.Write(sent));

        // Assert
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(received.Object!.ToUtf8Json().Span));
        Assert.Equal(("node--a", "2026-11-29T12:00:00.5Z"), (received.Origin, received.Added));
        Assert.Equal(["c1"], received.Collections);
    }

    [Theory]
    [InlineData("created", "3-1", "{\"collections\":[\"c\"],\"origin\":\"n\",\"path\":[\"n\"]}", "event 3-1: $.object is missing")]
    [InlineData("created", "3-1", "{not json", "event 3-1: data is not JSON")]
    [InlineData("created", "x", "{}", "event 'created': id 'x' is not a stream cursor")]
    [InlineData("deleted", "3-1", "{\"collections\":\"c\",\"id\":\"campaign--1\"}", "event 3-1: $.collections is not an array")]
    [InlineData("moved", "3-1", "{\"collections\":[]}", "event 3-1: unknown event type 'moved'")]
    public void FeedEventJson_BadEvent_SaysWhatAndWhere(string kind, string id, string data, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FeedEventJson.Read(kind, id, data));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
