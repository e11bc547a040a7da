package dev.lobbygovernor.store.jdbc.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A data source that records every statement executed through it, to prove how many queries a
 * call costs.
 */
public final class CountingDataSource extends DelegatingDataSource {

    private final List<String> executed = new CopyOnWriteArrayList<>();

    /**
     * Wraps {@code delegate}.
     *
     * @param delegate the data source that does the work
     */
    public CountingDataSource(DataSource delegate) {
        super(delegate);
    }

    /**
     * The SQL of every statement executed so far, in order.
     *
     * @return a snapshot of the list
     */
    public List<String> executed() {
        return List.copyOf(executed);
    }

    /** Forgets the statements counted so far. */
    public void reset() {
        executed.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return counting(delegate.getConnection(user, password));
    }

    private Connection counting(Connection real) {
        InvocationHandler h = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (result instanceof Statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : null;
                return countingStatement((Statement) result, sql);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private Statement countingStatement(Statement real, String preparedSql) {
        Class<?> type = real instanceof CallableStatement ? CallableStatement.class
                : real instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.add(args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : preparedSql);
            }
            return invoke(real, method, args);
        };
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
