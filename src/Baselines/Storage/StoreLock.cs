using System.Diagnostics;
using System.Globalization;
using Gate.Core;

namespace Gate.Baselines.Storage;

/// <summary>
/// An exclusive lock between processes (and between threads): the lock file is held open with
/// <see cref="FileShare.None"/>, which .NET maps to an advisory <c>flock</c> on Unix and a share lock on
/// Windows. The operating system releases it when the holder exits, even when it is killed.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private readonly FileStream _stream;

    private StoreLock(FileStream stream) => _stream = stream;

    /// <summary>Default time to wait for another holder.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Waits until the lock at <paramref name="path"/> is free and takes it; gives up after <paramref name="timeout"/>.</summary>
    public static async Task<StoreLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return new StoreLock(stream);
            }
            catch (IOException e) when (File.Exists(path))
            {
                if (watch.Elapsed >= timeout)
                {
                    var waited = timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
                    throw new GateException($"{path}: another benchgate is updating this store; gave up after {waited} s ({e.Message})", e);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new GateException($"{path}: cannot create the store's lock file: {e.Message}", e);
            }
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
