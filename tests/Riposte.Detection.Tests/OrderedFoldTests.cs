using Riposte.Detection.Signals;

namespace Riposte.Detection.Tests;

public sealed class OrderedFoldTests
{
    [Fact]
    public void Run_LaterItemsFinishFirst_ConsumedInIndexOrder()
    {
        // Arrange: the lower the index, the longer it takes.
        var consumed = new List<int>();

        // Act
        OrderedFold.Run(6, 2, i =>
        {
            Thread.Sleep((6 - i) * 15);
            return i * 10;
        }, (i, result) => consumed.Add(result));

        // Assert
        Assert.Equal([0, 10, 20, 30, 40, 50], consumed);
    }

    [Fact]
    public void Run_ComputeThrows_ExceptionSurfacesAndNothingHangs()
    {
        // Arrange
        var consumed = new List<int>();

        // Act
        var error = Assert.Throws<AggregateException>(() => OrderedFold.Run(5, 2, i =>
        {
            if (i == 1)
                throw new InvalidOperationException("signal 1 failed");
            return i;
        }, (i, result) => consumed.Add(result)));

        // Assert
        Assert.Contains(error.InnerExceptions, e => e.Message == "signal 1 failed");
        Assert.DoesNotContain(2, consumed);
    }
}
