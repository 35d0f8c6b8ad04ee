using Gate.Core.Counters;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Counters;

public class PerfStatReaderTests
{
    internal static PerfStatReading Fixture(string name) => PerfStatReader.Read(File.ReadAllText(RepoPaths.Fixture("perf", name)));

    [Theory]
    [InlineData("vm-6.1-codec-n2.csv")]
    [InlineData("vm-6.1-codec-n2.json")]
    public void Read_RealCaptureWithoutPmu_HardwareNotSupportedSoftwareCounted(string file)
    {
        var reading = Fixture(file);

        Assert.Empty(reading.Problems);
        Assert.Equal(
            ["instructions", "cycles", "cache-references", "cache-misses", "branches", "branch-misses", "task-clock", "page-faults", "context-switches", "cpu-migrations"],
            reading.Counts.Select(c => c.Event));
        Assert.All(reading.Counts.Take(6), c => Assert.Equal(PerfCountStatus.NotSupported, c.Status));
        Assert.All(reading.Counts.Skip(6), c => Assert.Equal(PerfCountStatus.Counted, c.Status));
        Assert.All(reading.Counts, c => Assert.False(c.Multiplexed));
        var taskClock = reading.Counts.Single(c => c.Event == "task-clock");
        Assert.Equal("msec", taskClock.Unit);
        Assert.Equal(taskClock.RunTime!.Value / 1e6, taskClock.Value, 0.01);
    }

    [Fact]
    public void Read_RealCaptures_DetectTheirFormat()
    {
        Assert.Equal(PerfOutputFormat.Csv, PerfStatReader.DetectFormat(File.ReadAllText(RepoPaths.Fixture("perf", "vm-6.1-codec-n1.csv"))));
        Assert.Equal(PerfOutputFormat.Json, PerfStatReader.DetectFormat(File.ReadAllText(RepoPaths.Fixture("perf", "vm-6.1-codec-n1.json"))));
    }

    [Theory]
    [InlineData("hw-6.1-n2.json")]
    [InlineData("hw-newer-n2.json")]
    public void Read_HardwareJson_SameCountsAsCsvWithoutDerivedMetricLines(string json)
    {
        var csv = Fixture("hw-6.1-n2.csv");

        var reading = Fixture(json);

        Assert.Empty(reading.Problems);
        Assert.Empty(csv.Problems);
        Assert.Equal(10, csv.Counts.Count);
        Assert.Equal(csv.Counts, reading.Counts);
    }

    [Fact]
    public void Read_HardwareCsv_FlagsTheMultiplexedEventOnly()
    {
        var reading = Fixture("hw-6.1-n2.csv");

        var multiplexed = Assert.Single(reading.Counts, c => c.Multiplexed);
        Assert.Equal("cache-misses", multiplexed.Event);
        Assert.Equal(87.5, multiplexed.PercentRunning);
        Assert.Equal(105000, multiplexed.Value);
        Assert.Equal(19250000, multiplexed.RunTime);
    }

    [Theory]
    [InlineData("hw-6.1-n2-not-counted.csv")]
    [InlineData("hw-6.1-n2-not-counted.json")]
    public void Read_NotCounted_IsNeitherZeroNorUnsupported(string file)
    {
        var reading = Fixture(file);

        var cycles = reading.Counts.Single(c => c.Event == "cycles");
        Assert.Equal(PerfCountStatus.NotCounted, cycles.Status);
        Assert.False(cycles.Multiplexed);
    }

    [Fact]
    public void ReadCsv_PmuEventWithSeparatorInTerms_JoinsTheEventName()
    {
        var reading = Fixture("raw-pmu-6.1.csv");

        Assert.Empty(reading.Problems);
        Assert.Equal(["cpu/event=0x3c,umask=0x00/", "r01c2", "cpu/event=0xd1,umask=0x20,name=l3_miss/"], reading.Counts.Select(c => c.Event));
        Assert.Equal(123456789, reading.Counts[0].Value);
        Assert.Equal(100, reading.Counts[0].PercentRunning);
        Assert.True(reading.Counts[1].Multiplexed);
        Assert.Equal(PerfCountStatus.NotSupported, reading.Counts[2].Status);
    }

    [Fact]
    public void Read_MalformedLines_AreProblemsAndTheRestIsRead()
    {
        var reading = PerfStatReader.ReadCsv("12.5,msec,task-clock,12500000,100.00,,\nlots of text\nabc,,cycles,1,100.00,,\n7,,page-faults,12500000,100.00,,\n");
        var json = PerfStatReader.ReadJson("{\"counter-value\" : \"7.000000\", \"unit\" : \"\", \"event\" : \"page-faults\"}\n{\"counter-value\" : \"x\n{\"counter-value\" : \"abc\", \"event\" : \"cycles\"}\n");

        Assert.Equal(["task-clock", "page-faults"], reading.Counts.Select(c => c.Event));
        Assert.Equal(2, reading.Problems.Count);
        Assert.Equal(["page-faults"], json.Counts.Select(c => c.Event));
        Assert.Equal(2, json.Problems.Count);
        Assert.Equal(100, json.Counts[0].PercentRunning);
    }
}
