using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Preau.Server.Cli;

/// <summary>The client side of <see cref="AdminSocket"/>.</summary>
public static class RemoteCli
{
    /// <summary>Runs the verb in the running server; null when no server answers on the socket.</summary>
    public static RemoteReply? TryRun(string dataDirectory, IReadOnlyList<string> words)
    {
        var path = Path.Combine(dataDirectory, AdminSocket.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            return null; // A socket file left by a server that died: work on the folder directly.
        }

        using var stream = new NetworkStream(socket);
        stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(words) + "\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = reader.ReadLine() ?? throw new IOException("the server closed the admin socket without answering");
        return JsonSerializer.Deserialize<RemoteReply>(line);
    }
}
