using Gate.Core.Counters;

namespace Gate.Core.Tests.Counters;

public class CachegrindCacheModelTests
{
    [Fact]
    public void ToString_Default_IsTheTypicalX8664Geometry()
    {
        // Given the default model
        var model = CacheModel.Default;

        // When it is written as the results' environment records it, and as valgrind's options
        var text = model.ToString();
        var arguments = model.ValgrindArguments();

        // Then it is 32 KiB 8-way L1s and a 32 MiB 16-way last level, 64-byte lines
        Assert.Equal("I1=32768,8,64 D1=32768,8,64 LL=33554432,16,64", text);
        Assert.Equal(["--I1=32768,8,64", "--D1=32768,8,64", "--LL=33554432,16,64"], arguments);
    }

    [Fact]
    public void Parse_ItsOwnText_RoundTrips()
    {
        var model = new CacheModel(new(65536, 4, 64), new(16384, 4, 32), new(8388608, 16, 128));

        var parsed = CacheModel.Parse(model.ToString());

        Assert.Equal(model, parsed);
    }

    [Fact]
    public void Parse_OneLevel_KeepsTheDefaultsOfTheOthers()
    {
        var parsed = CacheModel.Parse("ll=8388608,16,64");

        Assert.Equal(CacheModel.Default with { LL = new CacheLevel(8388608, 16, 64) }, parsed);
    }

    [Fact]
    public void Parse_SemicolonsAndSpaces_AreSeparators()
    {
        var parsed = CacheModel.Parse(" I1=16384,4,64;D1=16384,4,64 ");

        Assert.Equal(new CacheLevel(16384, 4, 64), parsed.I1);
        Assert.Equal(new CacheLevel(16384, 4, 64), parsed.D1);
        Assert.Equal(CacheModel.Default.LL, parsed.LL);
    }

    [Theory]
    [InlineData("LL=33554432,6,64", "number of sets")]
    [InlineData("LL=3000000,16,64", "number of sets")]
    [InlineData("I1=32768,8,48", "power of two")]
    [InlineData("I1=32768,8,8", "at least 16")]
    [InlineData("D1=0,8,64", "positive")]
    [InlineData("D1=32768,8", "size,assoc,line")]
    [InlineData("D1=32K,8,64", "size,assoc,line")]
    [InlineData("L2=262144,8,64", "I1=, D1= or LL=")]
    [InlineData("  ", "empty")]
    public void Parse_InvalidGeometry_IsAClearGateException(string text, string expected)
    {
        var error = Assert.Throws<GateException>(() => CacheModel.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("--cache-model", error.Message, StringComparison.Ordinal);
    }
}
