// Findings per section (design §3, Appraisal): each pointing at a section of the collective report
// (Mẫu 01 I–VII), the key leaders' reviews, the attachments or the dossier as a whole.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { DOSSIER_SECTION_LABELS, DOSSIER_SECTIONS, type DossierSection } from '../../../shared/contracts/dossiers.js';

export const SECTION_OPTIONS = DOSSIER_SECTIONS.map((s) => ({ value: s, label: DOSSIER_SECTION_LABELS[s] }));

/** Inside an antd Form: the list field `name` of { section, text }. */
export function FindingsEditor({ name = 'findings', addLabel = 'Thêm ý kiến' }: { name?: string; addLabel?: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="start" wrap>
              <Form.Item
                name={[field.name, 'section']}
                style={{ margin: 0, minWidth: 220, flex: '0 1 300px' }}
                rules={[{ required: true, message: 'Chọn mục' }]}
              >
                <Select options={SECTION_OPTIONS} aria-label={`Mục của ý kiến ${i + 1}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'text']}
                style={{ margin: 0, flex: '1 1 320px' }}
                rules={[{ required: true, whitespace: true, message: 'Nhập nội dung ý kiến' }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} aria-label={`Nội dung ý kiến ${i + 1}`} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Bỏ ý kiến ${i + 1}`} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <div>
            <Button icon={<PlusOutlined />} onClick={() => add({ section: 'general', text: '' })}>
              {addLabel}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

/** Findings grouped by section, in the order of the sections. */
export function FindingsList({ findings }: { findings: { section: DossierSection; sectionLabel: string; text: string }[] }) {
  if (findings.length === 0) return <Typography.Text type="secondary">Không có ý kiến theo mục.</Typography.Text>;
  const sorted = [...findings].sort((a, b) => DOSSIER_SECTIONS.indexOf(a.section) - DOSSIER_SECTIONS.indexOf(b.section));
  return (
    <Flex vertical gap={6} component="ul" style={{ paddingLeft: 0, margin: 0, listStyle: 'none' }}>
      {sorted.map((f, i) => (
        <li key={i}>
          <Tag>{f.sectionLabel}</Tag>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.text}</Typography.Text>
        </li>
      ))}
    </Flex>
  );
}
