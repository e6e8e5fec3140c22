using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Access;
using Riposte.Access.Markings;
using Riposte.Federation.Border;
using Riposte.Federation.Loopback;
using Riposte.Federation.Stream;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

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

    [Fact]
    public void FeedEventJson_DeletionWithStub_CarriesTheMarkingsAndNoContent()
    {
        // Arrange: a RED campaign naming a recipient, with content.
        var deleted = Objects.Campaign("identity--2c4f8e7a-61c1-4b3e-9a57-0d6f1b2c3d4e", TlpLevel.Red, "secret name", ["identity--00000000-0000-4000-8000-0000000000b0"]);
        var stub = DeletionStub.Of(deleted);
        var entry = new TombstoneRecord(7, deleted.Id, deleted.Version!.Value.Text, "c1", DateTimeOffset.UnixEpoch, Stub: DeletionStub.Text(stub));

        // Act
        var received = FeedEventJson.Read("deleted", "3-7", FeedEventJson.Write(new FeedEvent(FeedEventKind.Deleted, new StreamCursor(3, 7), null, ["c1"], null, [], entry)));

        // Assert: what the gate reads survives the trip; the content was never in it.
        var access = new AccessOptions();
        Assert.Equal(MarkingSummary.Of(deleted, access), MarkingSummary.Of(received.Stub!, access), MarkingComparer.Instance);
        Assert.Equal((deleted.Id, deleted.Version!.Value.Text), (received.Stub!.Id, received.Stub.Version!.Value.Text));
        Assert.Null(received.Stub.Name);
    }

    [Theory]
    [InlineData("created", "3-1", "{\"collections\":[\"c\"],\"origin\":\"n\",\"path\":[\"n\"]}", "event 3-1: $.object is missing")]
    [InlineData("deleted", "3-1", "{\"collections\":[\"c\"],\"id\":\"campaign--1\",\"version\":null,\"stub\":[]}", "event 3-1: $.stub is not an object")]
    [InlineData("deleted", "3-1", "{\"collections\":[\"c\"],\"id\":\"campaign--1\",\"version\":null,\"stub\":{\"id\":\"campaign--2\"}}", "event 3-1: $.stub.id 'campaign--2' is not the deleted id 'campaign--1'")]
    [InlineData("deleted", "3-1", "{\"collections\":[\"c\"],\"id\":\"campaign--1\",\"version\":\"2026-01-01T00:00:00.000Z\",\"stub\":{\"id\":\"campaign--1\",\"modified\":\"2026-02-01T00:00:00.000Z\"}}", "event 3-1: $.stub is of version '2026-02-01T00:00:00.000Z', not of the deleted version")]
    [InlineData("created", "3-1", "{not json", "event 3-1: data is not JSON")]
    [InlineData("created", "x", "{}", "event 'created': id 'x' is not a stream cursor")]
    [InlineData("deleted", "3-1", "{\"collections\":\"c\",\"id\":\"campaign--1\"}", "event 3-1: $.collections is not an array")]
    [InlineData("moved", "3-1", "{\"collections\":[]}", "event 3-1: unknown event type 'moved'")]
    public void FeedEventJson_BadEvent_SaysWhatAndWhere(string kind, string id, string data, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FeedEventJson.Read(kind, id, data));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Marking summaries compared by value (the recipients list included).</summary>
    private sealed class MarkingComparer : IEqualityComparer<MarkingSummary>
    {
        public static readonly MarkingComparer Instance = new();

        public bool Equals(MarkingSummary? x, MarkingSummary? y) =>
            x is not null && y is not null && x.Level == y.Level && x.CreatorOrganizationId == y.CreatorOrganizationId && x.Recipients.SequenceEqual(y.Recipients);

        public int GetHashCode(MarkingSummary obj) => HashCode.Combine(obj.Level, obj.CreatorOrganizationId);
    }
}
