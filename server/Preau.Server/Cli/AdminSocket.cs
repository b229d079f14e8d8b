using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary>A Unix socket in the data folder through which <c>preau account …</c> and the other
/// verbs reach a running server (which holds the store open), as <c>doveadm</c> does with Dovecot.
/// Only the data folder's owner can connect: the socket file is mode 0600.</summary>
/// <remarks>Protocol: one line of JSON (the argument array) in; one line of JSON
/// <c>{"exit":n,"output":"…"}</c> out.</remarks>
public sealed partial class AdminSocket : IAsyncDisposable
{
    /// <summary>The socket's file name in the data folder.</summary>
    public const string FileName = "admin.sock";

    private readonly PreauRuntime _runtime;
    private readonly string _path;
    private readonly ILogger<AdminSocket> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _runLock = new();
    private Socket? _socket;
    private Task? _loop;

    /// <summary>Creates the socket at <paramref name="path"/>.</summary>
    public AdminSocket(PreauRuntime runtime, string path, ILogger<AdminSocket> log)
    {
        _runtime = runtime;
        _path = path;
        _log = log;
    }

    /// <summary>Binds and starts answering.</summary>
    public void Start()
    {
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }

        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(_path));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        _socket.Listen(8);
        _loop = Task.Run(() => AcceptAsync(_stop.Token));
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket!.AcceptAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client, cancellationToken), cancellationToken);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        using var _ = client;
        await using var stream = new NetworkStream(client);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            var args = line is null ? null : JsonSerializer.Deserialize<string[]>(line);
            var output = new StringWriter();
            int exit;
            lock (_runLock)
            {
                exit = args is null ? 2 : CliApp.Run(_runtime, args, output);
            }

            var reply = JsonSerializer.Serialize(new RemoteReply(exit, output.ToString())) + "\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(reply), cancellationToken);
        }
#pragma warning disable CA1031 // One bad request must not stop the admin socket.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(_log, ex);
        }
    }

    /// <summary>Stops answering and removes the socket file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket?.Dispose();
        if (_loop is not null)
        {
            await _loop;
        }

        if (File.Exists(_path))
        {
            File.Delete(_path);
        }

        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin socket request failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>The admin socket's answer.</summary>
public sealed record RemoteReply(int Exit, string Output);
