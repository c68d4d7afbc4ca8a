import { Navigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { Loading } from '../ui/states';

/** Everyone lands on the screen of their job: operators file, managers triage. */
export function Home() {
  const { user, loading } = useAuth();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/login" replace />;
  return <Navigate to={user.role === 'OPERATOR' ? '/my-pepins' : '/triage'} replace />;
}
