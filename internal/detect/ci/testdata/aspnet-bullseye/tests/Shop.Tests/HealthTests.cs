using Xunit;

public class HealthTests
{
    [Fact]
    public void Adds() => Assert.Equal(4, 2 + 2 * 1);
}
