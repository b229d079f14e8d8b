using System.Diagnostics;
using MailKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>A real sync client from Debian's packages (mbsync, from isync; installed by the test
/// command) syncs a mailbox both ways with the server, over implicit TLS with the server's certificate.</summary>
public class MbsyncInteropTests : SharedServerFixture
{
    private const string Mbsync = "/usr/bin/mbsync";

    [Test]
    public async Task Mbsync_SyncsBothWays_MessagesFoldersAndFlags()
    {
        Assert.That(File.Exists(Mbsync), Is.True, "mbsync is missing: scripts/test.sh installs the isync package");
        var work = Path.Combine(Path.GetTempPath(), "preau-mbsync-" + Guid.NewGuid().ToString("N")[..8]);
        var maildir = Path.Combine(work, "mail");
        Directory.CreateDirectory(maildir);
        try
        {
            // On the server: two delivered messages, one flagged, and a folder with one message.
            using (var smtp = await Server.SubmitAsync("eleve.6a"))
            {
                await smtp.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
                await smtp.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
            }

            using (var imap = await Server.ImapAsync("eleve2.6a"))
            {
                await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
                await imap.Inbox.AddFlagsAsync(0, MessageFlags.Flagged, true);
                var devoirs = (await imap.GetFolder(imap.PersonalNamespaces[0]).CreateAsync("Devoirs", true))!;
                await devoirs.AppendAsync(TestServer.Message("eleve2.6a", "eleve2.6a"));
            }

            var config = Path.Combine(work, "mbsyncrc");
            await File.WriteAllTextAsync(config, $"""
                IMAPAccount preau
                Host 127.0.0.1
                Port {Server.ImapTlsPort}
                User eleve2.6a
                Pass {TestServer.Password}
                SSLType IMAPS
                CertificateFile {Path.Combine(Server.DataFolder, "tls", "cert.pem")}

                IMAPStore remote
                Account preau

                MaildirStore local
                Path {maildir}/
                Inbox {maildir}/INBOX
                SubFolders Verbatim

                Channel school
                Far :remote:
                Near :local:
                Patterns *
                Create Both
                Expunge Both
                SyncState *
                Sync All
                """);

            await RunAsync(config);
            var inbox = Path.Combine(maildir, "INBOX");
            var files = Messages(inbox);
            Assert.That(files, Has.Length.EqualTo(2), "both INBOX messages arrived");
            Assert.That(files.Count(f => Flags(f).Contains('F')), Is.EqualTo(1), "the \\Flagged flag arrived");
            Assert.That(Messages(Path.Combine(maildir, "Devoirs")), Has.Length.EqualTo(1), "the folder and its message arrived");

            // Locally: mark one message seen and add a new one; the next sync takes both to the server.
            var unflagged = files.First(f => !Flags(f).Contains('F'));
            File.Move(unflagged, unflagged[..unflagged.LastIndexOf(":2,", StringComparison.Ordinal)] + ":2," + new string((Flags(unflagged) + "S").Order().ToArray()));
            var added = TestServer.Message("eleve2.6a", "eleve2.6a");
            added.Subject = "Écrit hors ligne";
            await added.WriteToAsync(Path.Combine(inbox, "new", $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.local.preau-test"));
            await RunAsync(config);

            using var check = await Server.ImapAsync("eleve2.6a");
            await check.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var summaries = await check.Inbox.FetchAsync(0, -1, MessageSummaryItems.Flags | MessageSummaryItems.Envelope);
            Assert.That(summaries.Any(m => m.Envelope!.Subject == "Écrit hors ligne"), Is.True, "the local message reached the server");
            Assert.That(summaries.Count(m => m.Flags!.Value.HasFlag(MessageFlags.Seen)), Is.GreaterThanOrEqualTo(1), "the local \\Seen reached the server");
            Assert.That(summaries.Count(m => m.Flags!.Value.HasFlag(MessageFlags.Flagged)), Is.EqualTo(1));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string[] Messages(string folder) =>
        [.. Directory.GetFiles(Path.Combine(folder, "cur")), .. Directory.GetFiles(Path.Combine(folder, "new"))];

    private static string Flags(string file)
    {
        var i = file.LastIndexOf(":2,", StringComparison.Ordinal);
        return i < 0 ? "" : file[(i + 3)..];
    }

    private static async Task RunAsync(string config)
    {
        var info = new ProcessStartInfo(Mbsync) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(config);
        info.ArgumentList.Add("-a");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var text = await output + await error;
        await TestContext.Out.WriteLineAsync(text);
        Assert.That(process.ExitCode, Is.Zero, text);
    }
}
