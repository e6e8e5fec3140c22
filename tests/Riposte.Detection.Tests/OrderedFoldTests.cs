using Riposte.Detection.Signals;

namespace Riposte.Detection.Tests;

public sealed class OrderedFoldTests
{
    [Fact]
    public void Run_LaterItemsFinishFirst_ConsumedInIndexOrder()
    {
        // Arrange: the lower the index, the longer it takes.
        var consumed = new List<string>();

        // Act
        OrderedFold.Run(6, 2, i =>
        {
            Thread.Sleep((6 - i) * 15);
            return "r" + i;
        }, (i, result) => consumed.Add(result), afterEach: () => consumed.Add("|"));

        // Assert
        Assert.Equal(["r0", "|", "r1", "|", "r2", "|", "r3", "|", "r4", "|", "r5", "|"], consumed);
    }

    [Fact]
    public void Run_ComputeThrows_ExceptionSurfacesAndNothingHangs()
    {
        // Arrange
        var consumed = new List<string>();

        // Act
        var error = Assert.Throws<AggregateException>(() => OrderedFold.Run(5, 2, i =>
        {
            if (i == 1)
                throw new InvalidOperationException("signal 1 failed");
            return "r" + i;
        }, (i, result) => consumed.Add(result)));

        // Assert
        Assert.Contains(error.InnerExceptions, e => e.Message == "signal 1 failed");
        Assert.DoesNotContain("r2", consumed);
    }
}
