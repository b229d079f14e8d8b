using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Preau.Core.Directory;
using Preau.Demo;

namespace Preau.Server.Hosting;

/// <summary>Runs the server until Ctrl-C or SIGTERM, printing where it listens and how to log in.</summary>
public static class ServerProgram
{
    /// <summary>Runs; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, bool demo)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var level = Enum.TryParse<LogLevel>(configuration["Logging:LogLevel:Default"], out var l) ? l : LogLevel.Information;
        using var loggers = LoggerFactory.Create(b => b
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .SetMinimumLevel(level));
        var log = loggers.CreateLogger("Preau");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });

        PreauRuntime runtime;
        try
        {
            runtime = PreauRuntime.Open(configuration, loggers);
        }
        catch (Preau.Storage.LiteDb.DataFolderInUseException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message} (is Préau already running?)");
            return 1;
        }

        using var owned = runtime;
        if (demo)
        {
            try
            {
                if (DemoSeeder.SeedIfEmpty(runtime))
                {
                    log.LogInformation("Demo school created in {Folder}, imported from its SIECLE and STSweb exports in {Exports}", runtime.DataDirectory, DemoSeeder.ExportsDirectory(runtime.DataDirectory));
                }

                DemoSeeder.EnsurePersonas(runtime.Directory);
            }
            catch (Exception ex) when (ex is DirectoryException or DemoSeedException)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 1;
            }
        }

        await using (var host = new ServerHost(runtime))
        {
            try
            {
                await host.StartAsync(stop.Token);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                Console.Error.WriteLine($"error: cannot listen: {ex.Message} (is another Préau running? change the ports with --Smtp:InboundPort=…)");
                return 1;
            }

            Banner.Print(Console.Out, runtime, demo);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                log.LogInformation("Stopping");
            }
        }

        return 0;
    }
}
