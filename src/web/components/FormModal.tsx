// A dialog around a form: submit, busy state, field problems from the server next to their
// fields, any other refusal as a Vietnamese toast. The dialog closes only on success.
import { Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { showFieldProblems } from './forms';
import { useNotify } from './feedback';

export interface FormModalProps<T> {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  /** Toast after success. */
  successMessage: string;
  okText?: string;
  initialValues?: Partial<T>;
  /** Field names the server may complain about. */
  fields: string[];
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
  width?: number;
  danger?: boolean;
}

export function FormModal<T extends object>(props: FormModalProps<T>) {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const notify = useNotify();

  async function submit() {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already shows the problems next to the fields
    }
    setBusy(true);
    try {
      await props.onSubmit(values);
      notify.success(props.successMessage);
      props.onClose();
    } catch (e) {
      if (!showFieldProblems(form, e, props.fields)) notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={props.okText ?? 'Lưu'}
      cancelText="Hủy"
      confirmLoading={busy}
      okButtonProps={{ danger: props.danger }}
      destroyOnHidden
      width={props.width ?? 560}
    >
      <Form<T> form={form} layout="vertical" initialValues={props.initialValues} preserve={false} onFinish={() => void submit()}>
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Modal>
  );
}
