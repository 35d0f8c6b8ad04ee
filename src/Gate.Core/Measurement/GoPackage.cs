namespace Gate.Core.Measurement;

/// <summary>A Go package that has test files.</summary>
/// <param name="ImportPath">Import path, for example <c>example.com/m/sub</c>.</param>
/// <param name="Directory">Absolute directory of its sources (test binaries run there, as with go test).</param>
public sealed record GoPackage(string ImportPath, string Directory);
