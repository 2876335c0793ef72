package io.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the service and the test PostgreSQL that a test can cut, restore and point elsewhere: a
 * database outage (connections dropped, new ones refused) or a failover, without stopping the database the other
 * test classes share.
 */
public final class DatabaseProxy {

    private static DatabaseProxy instance;

    private volatile String targetHost;
    private volatile int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private DatabaseProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** The proxy to the given database server, started on first use. */
    public static synchronized DatabaseProxy to(String host, int port) {
        if (instance == null) {
            try {
                instance = new DatabaseProxy(host, port);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the database proxy", e);
            }
        }
        return instance;
    }

    /** New connections go to this server from now on, as a service's DNS name moves to a new primary. */
    public void retarget(String host, int port) {
        this.targetHost = host;
        this.targetPort = port;
    }

    public static synchronized DatabaseProxy instance() {
        return instance;
    }

    public int port() {
        return port;
    }

    /** Drops every connection and refuses new ones, as a database that went away. */
    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Cuts now and restores after {@code outage}, in the background. */
    public void downFor(java.time.Duration outage) {
        try {
            cut();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofPlatform().daemon().name("database-proxy-restore").start(() -> {
            try {
                Thread.sleep(outage);
                restore();
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Accepts connections again on the same port. */
    public synchronized void restore() throws IOException {
        server = listen(port);
        accept(server);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread.ofPlatform().daemon().name("database-proxy").start(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket database = new Socket(targetHost, targetPort);
                    open.add(client);
                    open.add(database);
                    pipe(client, database);
                    pipe(database, client);
                } catch (IOException e) {
                    // closed by cut(), or one connection failed: the service sees it as the network would show it
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("database-proxy-pipe").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        });
    }
}
