using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// A PostgreSQL server of its own for one benchmark run, the way tests/run.sh starts one: initdb and pg_ctl run as
/// the postgres user (initdb refuses root) on a temporary directory and a free loopback port; stopped and deleted
/// on dispose.
/// </summary>
internal sealed class ThrowawayPostgres : IDisposable
{
    private readonly string root;
    private readonly string bin;
    private readonly string data;

    private ThrowawayPostgres(string root, string bin, int port)
    {
        this.root = root;
        this.bin = bin;
        data = Path.Combine(root, "data");
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=60;Command Timeout=0";

    /// <summary>Starts a server, or returns null (with the reason on the console) when PostgreSQL is not installed.</summary>
    public static ThrowawayPostgres? Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            Console.WriteLine("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): the pg_trgm comparison is skipped.");
            return null;
        }

        var root = Directory.CreateTempSubdirectory("portal-bench-pg-").FullName;
        var server = new ThrowawayPostgres(root, bin, FreePort());
        try
        {
            Directory.CreateDirectory(server.data);
            Directory.CreateDirectory(Path.Combine(root, "socket"));
            Run("chown", "-R", "postgres:postgres", root);
            Run("chmod", "700", root, server.data);
            AsPostgres(Path.Combine(bin, "initdb"), "-D", server.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-instructions");
            AsPostgres(Path.Combine(bin, "pg_ctl"), "-D", server.data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server.Port} -k {Path.Combine(root, "socket")} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=512MB -c work_mem=64MB -c maintenance_work_mem=512MB", "start");
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                AsPostgres(Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // initdb and pg_ctl refuse to run as root; as root they run as the postgres user, from a folder it can read.
    private static void AsPostgres(params string[] command)
    {
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", .. command]);
        }
        else
        {
            Run(command[0], command[1..]);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
