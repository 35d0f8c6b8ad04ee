namespace Gate.Tool;

/// <summary>The exit codes of <c>benchgate</c> (a contract with CI scripts).</summary>
public enum ExitCodes
{
    /// <summary>No regression.</summary>
    Success = 0,

    /// <summary>At least one regression.</summary>
    Regression = 1,

    /// <summary>Usage, configuration or environment error: a clear message on stderr, nothing half-written.</summary>
    Error = 2,
}
