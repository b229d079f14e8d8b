using System.Diagnostics;
using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Cli;

/// <summary>The real executable, as the README runs it: `preau --demo` in its own process, used by a
/// mail client and by a second `preau account …` process, then stopped with Ctrl-C (SIGINT).</summary>
[Parallelizable(ParallelScope.None)]
public class ExecutableTests
{
    private static readonly string Preau = Path.Combine(AppContext.BaseDirectory, "preau.dll");

    [Test]
    public async Task DemoServer_StartsServesAdministersAndStopsOnCtrlC()
    {
        var folder = Path.Combine(Path.GetTempPath(), "preau-exe-" + Guid.NewGuid().ToString("N")[..8]);
        var ports = Enumerable.Range(0, 6).Select(_ => FreePort.Next().ToString(CultureInfo.InvariantCulture)).ToArray();
        string[] settings =
        [
            $"--Storage:DataDirectory={folder}", $"--Smtp:InboundPort={ports[0]}", $"--Smtp:SubmissionPort={ports[1]}",
            $"--Smtp:SubmissionTlsPort={ports[2]}", $"--Imap:Port={ports[3]}", $"--Imap:TlsPort={ports[4]}", $"--Web:Port={ports[5]}",
            $"--Plugins:Directory={DemoTemplate.PluginsFolder}",
        ];
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = Start(["--demo", .. settings]);
        server.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Administration in another terminal", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        server.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.That(output.ToString(), Does.Contain($"127.0.0.1:{ports[1]}").And.Contain("eleve.6a@demo.preau.test").And.Contain("\"demo\""));

            using (var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
            {
                await client.ConnectAsync("127.0.0.1", int.Parse(ports[1], CultureInfo.InvariantCulture), SecureSocketOptions.StartTls);
                await client.AuthenticateAsync("eleve.6a", "demo");
                await client.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
            }

            // A second process administers the running one through its admin socket.
            using var cli = Start(["account", "list", "--profile", "Eleve", .. settings]);
            var listing = await cli.StandardOutput.ReadToEndAsync();
            await cli.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(cli.ExitCode, Is.Zero, listing);
            Assert.That(listing, Does.Contain("eleve2.6a").And.Contain("600 accounts"));
        }
        finally
        {
            using var kill = Process.Start("kill", ["-INT", server.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(server.ExitCode, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("Stopping"));
        Assert.That(File.Exists(Path.Combine(folder, "admin.sock")), Is.False, "the admin socket is removed on a clean stop");
        Directory.Delete(folder, recursive: true);
    }

    private static Process Start(string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Preau);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start preau");
    }
}
