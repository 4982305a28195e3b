import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AccountForm } from './AccountForm.jsx';
import './style.css';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <AccountForm />
  </StrictMode>,
);
